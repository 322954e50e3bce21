import type { ByProjectKeyRequestBuilder } from '@commercetools/platform-sdk';

export interface CommercetoolsClientOptions {
  projectKey: string;
  clientId: string;
  clientSecret: string;
  /** e.g. https://auth.europe-west1.gcp.commercetools.com */
  authUrl: string;
  /** e.g. https://api.europe-west1.gcp.commercetools.com */
  apiUrl: string;
  /** Needs manage_customers (sign-in, password token/reset, updates) and manage_types for the setup. */
  scopes?: string[];
  /** fetch-compatible function (default: global fetch). */
  httpClient?: typeof fetch;
  /** Per-request timeout in ms. */
  timeoutMs?: number;
}

/**
 * An API root for the project, built with the official SDK (@commercetools/ts-client +
 * @commercetools/platform-sdk, optional peer dependencies loaded on first use). Errors it returns
 * do not include the original request (which would hold passwords).
 */
export async function createApiRoot(options: CommercetoolsClientOptions): Promise<ByProjectKeyRequestBuilder> {
  const [{ ClientBuilder }, { createApiBuilderFromCtpClient }] = await Promise.all([
    import('@commercetools/ts-client'),
    import('@commercetools/platform-sdk'),
  ]);
  const httpClient = options.httpClient ?? fetch;
  const client = new ClientBuilder()
    .withProjectKey(options.projectKey)
    .withClientCredentialsFlow({
      host: options.authUrl,
      projectKey: options.projectKey,
      credentials: { clientId: options.clientId, clientSecret: options.clientSecret },
      ...(options.scopes ? { scopes: options.scopes } : {}),
      httpClient,
    })
    .withHttpMiddleware({
      host: options.apiUrl,
      httpClient,
      includeRequestInErrorResponse: false,
      includeOriginalRequest: false,
      maskSensitiveHeaderData: true,
      ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}),
    })
    .build();
  return createApiBuilderFromCtpClient(client).withProjectKey({ projectKey: options.projectKey });
}
