/**
 * Written files are formatted with the repository's own Prettier settings, so that they pass `npm run
 * format:check` as they are. Prettier is loaded on first use.
 */
export async function formatSource(path: string, source: string): Promise<string> {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(path)) ?? {};
  return prettier.format(source, { ...options, filepath: path });
}
