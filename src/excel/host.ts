/** What the Office host offers, asked once where a call needs a later requirement set. */
/**
 * Whether the host supports an ExcelApi requirement set. The manifest asks for 1.7; calls from
 * later sets (screen updating: 1.9) are made only where the host has them.
 */
export function supportsExcelApi(version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const requirements = office?.context?.requirements;
  return requirements ? requirements.isSetSupported('ExcelApi', version) : true;
}
