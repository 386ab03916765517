/** A plugin threw or returned something invalid. The message names the plugin and the call. */
export class PluginError extends Error {
  constructor(
    readonly plugin: string,
    readonly phase: 'collect' | 'submit' | 'estimate' | 'allocate' | 'build' | 'load',
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`plugin "${plugin}" ${phase}: ${detail}`, options);
    this.name = 'PluginError';
  }
}

export function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
