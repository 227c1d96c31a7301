/**
 * A reference to a secret held in an environment variable. Secrets never enter the repository: rendered files
 * show `${ENV_NAME}`, and publish resolves the variable at the last moment.
 */
export class SecretRef {
  readonly env: string;

  constructor(env: string) {
    this.env = env;
    Object.freeze(this);
  }

  /** The placeholder written into rendered files. */
  toString(): string {
    return `\${${this.env}}`;
  }

  toJSON(): string {
    return this.toString();
  }
}

const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;

/** `secret('SLACK_WEBHOOK_URL')`: the value comes from that environment variable at publish time. */
export function secret(env: string): SecretRef {
  if (!ENV_NAME.test(env)) {
    throw new TypeError(
      `secret(${JSON.stringify(env)}): environment variable names are upper case letters, digits and _, not starting with a digit.`,
    );
  }
  return new SecretRef(env);
}

export function isSecretRef(value: unknown): value is SecretRef {
  return value instanceof SecretRef;
}

/** The rendered placeholder form `${ENV}`, recognised when reading rendered files back. */
const PLACEHOLDER = /^\$\{([A-Z_][A-Z0-9_]*)\}$/;

export function secretFromPlaceholder(value: string): SecretRef | undefined {
  const match = PLACEHOLDER.exec(value);
  return match?.[1] === undefined ? undefined : new SecretRef(match[1]);
}

/** A value that may be given literally (non-secret settings) or as a secret reference. */
export type MaybeSecret = string | SecretRef;
