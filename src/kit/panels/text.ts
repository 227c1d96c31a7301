import { PanelBuilder, TextMode } from '@grafana/grafana-foundation-sdk/text';

export interface TextOptions {
  readonly title: string;
  /** Markdown. */
  readonly content: string;
}

/** A Markdown note: what a dashboard is for, where to go next. */
export function textPanel(options: TextOptions): PanelBuilder {
  return new PanelBuilder().title(options.title).mode(TextMode.Markdown).content(options.content);
}
