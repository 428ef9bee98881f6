// Review files in the browser: a RevMan 5 file (.rm5) or a Cochrane data package (the zip, or
// its CSV files) converted to a dataset by the same importer as `evidence-lens import`. The
// converter is a wasm module of its own (pkg/import/, import-wasm/ in the repository), loaded
// only when such a file comes, so readers of ordinary data never download it.

const PKG_JS = new URL('../pkg/import/evidence_lens_import.js', import.meta.url);

/** @typedef {{convert(names: string[], contents: Uint8Array[]): {json: string, warnings: string[], free(): void}, default(init?: unknown): Promise<unknown>}} ConverterModule */

/** @type {Promise<ConverterModule> | null} */
let converter = null;

/** The converter module, loaded on first use (and again after a failed load). */
function loadConverter() {
  const loading = (converter ??= (async () => {
    /** @type {ConverterModule} */
    const mod = await import(PKG_JS.href);
    await mod.default();
    return mod;
  })());
  loading.catch(() => {
    if (converter === loading) converter = null;
  });
  return loading;
}

/**
 * Converts review files (one .rm5, one zip, or a data package's CSV files) to a dataset's JSON
 * text and the importer's notes on what it left out. Fails with the importer's message.
 * @param {{name: string, bytes: Uint8Array}[]} files
 * @returns {Promise<{json: string, warnings: string[]}>}
 */
export async function convertReview(files) {
  const mod = await loadConverter();
  const converted = mod.convert(
    files.map((f) => f.name),
    files.map((f) => f.bytes),
  );
  try {
    return { json: converted.json, warnings: [...converted.warnings] };
  } finally {
    converted.free();
  }
}
