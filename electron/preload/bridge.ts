// What the preload puts on window.fupin, shared by preload (which builds it) and main (which
// answers it). Only types and strings: the preload bundle must not pull in core code. The
// renderer declares the same shape in renderer/src/api/client.ts (it may not import from here).
import type { Result } from '../core/api/contract';

/** The IPC channel of the API: every contract method goes through it. */
export const INVOKE_CHANNEL = 'fupin:invoke';
/** The IPC channel of files: an upload handed to core, an export saved where the user chooses. */
export const TRANSFER_CHANNEL = 'fupin:transfer';

export interface UploadedFile {
  fileRef: string;
  size: number;
}

export interface SavedDownload {
  /** False when the user closed the save dialog */
  saved: boolean;
  /** Where the file went, as the user chose it */
  path: string | null;
}

export interface FupinBridge {
  invoke(method: string, input: unknown, token: string | null): Promise<Result<unknown>>;
  /** Stores the bytes of a file the user picked (an xlsx to import) and returns its reference. */
  upload(fileName: string, bytes: Uint8Array, token: string | null): Promise<Result<UploadedFile>>;
  /** Shows the save dialog for an export's download reference and writes the file there. */
  saveDownload(downloadRef: string, token: string | null): Promise<Result<SavedDownload>>;
}
