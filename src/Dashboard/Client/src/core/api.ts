import { session, signOut } from "./session";

/** A refusal from the hub (a problem+json body) or a failure to reach it (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: Record<string, string[]> = {},
  ) {
    super(message);
  }

  get offline(): boolean {
    return this.status === 0;
  }
}

interface Problem {
  title?: string;
  detail?: string;
  errors?: Record<string, string[]>;
}

export interface Request {
  method?: string;
  json?: unknown;
  body?: BodyInit;
  contentType?: string;
}

async function send(path: string, request: Request = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  const token = session.value?.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  let body = request.body;
  if (request.json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(request.json);
  } else if (request.contentType) {
    headers["Content-Type"] = request.contentType;
  }
  let response: Response;
  try {
    response = await fetch(path, { method: request.method ?? "GET", headers, body });
  } catch {
    throw new ApiError(0, "The hub cannot be reached.");
  }
  if (response.status === 401 && token) {
    // The token expired or was refused: back to sign-in, saying why.
    signOut("signIn.expired");
  }
  if (!response.ok) throw await refusal(response);
  return response;
}

async function refusal(response: Response): Promise<ApiError> {
  let problem: Problem = {};
  try {
    problem = (await response.json()) as Problem;
  } catch {
    // Not a problem+json body: the status says enough.
  }
  const fields = problem.errors ?? {};
  const fieldText = Object.entries(fields).map(([name, messages]) => `${name}: ${messages.join(" ")}`).join("; ");
  return new ApiError(response.status, problem.detail || fieldText || problem.title || response.statusText, fields);
}

/** Calls the hub's HTTP API and reads its JSON answer (undefined for 204). */
export async function api<T>(path: string, request?: Request): Promise<T> {
  const response = await send(path, request);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Downloads a file from the API (it needs the bearer token, so not a plain link). */
export async function download(path: string, fileName: string): Promise<void> {
  const response = await send(path);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
