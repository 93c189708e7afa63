// Size limits shared by the main process (contract validation) and the renderer (checks before a file is read);
// zod-free so the renderer can import the values.

/**
 * Largest file accepted from outside (a unit's workbook is ~20 KB; a plan .docx with images a few MB). The one
 * limit: IPC validation, the renderer's check before reading, the workbook pre-flight and the document reader.
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_FILE_MB = MAX_FILE_BYTES / 1024 / 1024;
