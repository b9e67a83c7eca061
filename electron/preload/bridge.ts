// What the preload puts on window.fupin, shared by preload (which builds it) and main (which
// answers it). Only types and one string: the preload bundle must not pull in core code. The
// renderer declares the same shape in renderer/src/api/client.ts (it may not import from here).
import type { Result } from '../core/api/contract';

/** The one IPC channel between renderer and main. */
export const INVOKE_CHANNEL = 'fupin:invoke';

export interface FupinBridge {
  invoke(method: string, input: unknown, token: string | null): Promise<Result<unknown>>;
}
