// The station's API from Node, the same door the web renderer uses: the launch URL trades its
// token for the cookie, then POST /api/call with the session's bearer token.
export class StationApi {
  private token: string | null = null;

  private constructor(
    private readonly origin: string,
    private readonly cookie: string,
  ) {}

  static async open(launchUrl: string): Promise<StationApi> {
    const res = await fetch(launchUrl, { redirect: 'manual' });
    const setCookie = res.headers.get('set-cookie');
    if (!setCookie) throw new Error(`launch URL gave no cookie (HTTP ${res.status})`);
    return new StationApi(new URL(launchUrl).origin, setCookie.split(';')[0]!);
  }

  async login(username: string, password: string): Promise<this> {
    const result = await this.call<{ token: string }>('auth.login', { username, password });
    this.token = result.token;
    return this;
  }

  async call<T = unknown>(method: string, input: unknown): Promise<T> {
    const result = await this.raw(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.kind} ${result.error.message}`);
    return result.value as T;
  }

  async raw(method: string, input: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: { kind: string; message: string; details?: unknown } }> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Fupin-Request': '1', Cookie: this.cookie };
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    const res = await fetch(`${this.origin}/api/call`, { method: 'POST', headers, body: JSON.stringify({ method, input }) });
    return (await res.json()) as never;
  }
}
