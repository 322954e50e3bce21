export interface FakeCommercetools {
  url: string;
  authUrl: string;
  apiUrl: string;
  projectKey: string;
  clientId: string;
  clientSecret: string;
  stats: Record<string, number>;
  customers: Map<string, { customer: Record<string, any>; passwordHash?: string }>;
  types: Map<string, Record<string, any>>;
  failNext(op: string, status: number, code: string, message?: string): void;
  passwordMatches(email: string, password: string): boolean;
  close(): Promise<void>;
}
export function startFakeCommercetools(options?: {
  projectKey?: string;
  clientId?: string;
  clientSecret?: string;
  latencyMs?: number;
}): Promise<FakeCommercetools>;
