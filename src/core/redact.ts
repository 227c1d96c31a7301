/**
 * Keeps secret values out of everything a command prints or writes: every registered value (tokens, passwords,
 * resolved secrets) is replaced by `***`, longest first so that overlapping values mask whole.
 */
/**
 * Values shorter than this are not masked: `***` over every "a" or "io" would garble all output. Secrets the
 * content needs are refused below this length (resolveSecrets), so none of them is ever printed in clear.
 */
export const MIN_MASKED_LENGTH = 4;

export class Redactor {
  private values: string[] = [];

  add(...values: readonly (string | undefined)[]): void {
    for (const v of values) {
      if (v !== undefined && v.length >= MIN_MASKED_LENGTH && !this.values.includes(v)) this.values.push(v);
    }
    this.values.sort((a, b) => b.length - a.length);
  }

  apply(text: string): string {
    let out = text;
    for (const v of this.values) {
      out = out.split(v).join('***');
      const encoded = JSON.stringify(v).slice(1, -1);
      if (encoded !== v) out = out.split(encoded).join('***');
    }
    return out;
  }
}
