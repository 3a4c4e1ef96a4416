// The wire envelope: Clarifai status codes, descriptions, JSON responses.

export const Code = {
  SUCCESS: 10000,
  FAILURE: 10020,
  CONN_THROTTLED: 11005,
  CONN_KEY_INVALID: 11008,
  CONN_KEY_NOT_FOUND: 11009,
  CONN_DOES_NOT_EXIST: 11101,
  MODEL_TRAINED: 21100,
  MODEL_TRAINING: 21101,
  MODEL_UNTRAINED: 21102,
  MODEL_QUEUED_FOR_TRAINING: 21103,
  MODEL_TRAINING_FAILED: 21106,
  MODEL_DOES_NOT_EXIST: 21200,
  MODEL_EVALUATED: 21300,
  MODEL_EVALUATING: 21301,
  MODEL_NOT_EVALUATED: 21302,
  MODEL_QUEUED_FOR_EVALUATION: 21303,
  MODEL_EVALUATION_FAILED: 21317,
  ANNOTATION_SUCCESS: 24150,
  ANNOTATION_PENDING: 24151,
  ANNOTATION_AWAITING_REVIEW: 24157,
  ANNOTATION_REVIEW_DENIED: 24158,
  ANNOTATION_AWAITING_CONSENSUS_REVIEW: 24159,
  INPUT_SUCCESS: 30000,
  TASK_IN_PROGRESS: 54001,
  TASK_DONE: 54002,
  TASK_WONT_DO: 54003,
  TASK_FAILED: 54005,
  TASK_ASSIGNMENT_SUCCESS: 54200,
  TASK_ASSIGNMENT_PENDING: 54201,
  TASK_ASSIGNMENT_AWAITING_REVIEW: 54202,
  DATASET_VERSION_PENDING: 64005,
  DATASET_VERSION_IN_PROGRESS: 64010,
  DATASET_VERSION_READY: 64015,
  DATASET_VERSION_FAILURE: 64020,
  INTERNAL_SERVER_ISSUE: 98004,
} as const

const DESCRIPTIONS: Record<number, string> = {
  10000: 'Ok',
  10020: 'Failure',
  11005: 'Making too many requests',
  11008: 'API key is invalid',
  11009: 'API key not found',
  11101: 'Resource does not exist',
  21100: 'Model is trained and ready',
  21101: 'Model is currently in training',
  21102: 'Model not yet trained',
  21103: 'Model is currently in queue for training',
  21106: 'Model training had an error',
  21200: 'Model does not exist',
  21300: 'Model was successfully evaluated.',
  21301: 'Model is evaluating.',
  21302: 'Model not yet evaluated.',
  21303: 'Model is queued for evaluation.',
  21317: 'Model evaluation failed.',
  24150: 'Annotation success',
  24151: 'Annotation pending',
  24157: 'Annotation awaiting review',
  24158: 'Annotation review denied',
  24159: 'Annotation awaiting consensus review',
  30000: 'Download complete',
  54001: 'Task in progress',
  54002: 'Task done',
  54003: "Task won't do",
  54005: 'Task failed',
  54200: 'Task assignment success',
  54201: 'Task assignment pending',
  54202: 'Task assignment awaiting review',
  64005: 'Dataset version is pending',
  64010: 'Dataset version is in progress',
  64015: 'Dataset version is ready',
  64020: 'Dataset version failed',
  98004: 'Internal server issue',
}

export interface WireStatus {
  code: number
  description: string
  details?: string
  req_id?: string
}

/** A resource status (model version, task, ...): `{code, description}`. */
export function status(code: number, details?: string): WireStatus {
  const out: WireStatus = { code, description: DESCRIPTIONS[code] ?? 'Unknown' }
  if (details) out.details = details
  return out
}

/** Thrown by endpoint code; the handler turns it into the envelope with the HTTP status. */
export class DemoError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: number,
    readonly details: string,
  ) {
    super(details)
  }
}

export function badParam(name: string, value: string, expected: string): DemoError {
  return new DemoError(400, Code.FAILURE, `Invalid value "${value}" for query parameter "${name}": expected ${expected}`)
}

export function notFound(what: string, code: number = Code.CONN_DOES_NOT_EXIST): DemoError {
  return new DemoError(404, code, `${what} not found`)
}

/** Body of a successful response; `fields` are the message fields besides status. */
export type Body = Record<string, unknown>

/** Zero values are left out on the wire: these helpers keep builders short and explicit. */
export function nz<T extends string | number | boolean>(value: T | undefined | null): T | undefined {
  return value === '' || value === 0 || value === false || value === null ? undefined : value
}

export function nzList<T>(list: readonly T[] | undefined): T[] | undefined {
  return list && list.length > 0 ? list.slice() : undefined
}

/** Timestamps: RFC 3339 UTC with microseconds, like the API. */
export function timestamp(epochSeconds: number): string {
  const total = Math.round(epochSeconds * 1e6)
  const whole = Math.floor(total / 1e6)
  const micros = total - whole * 1e6
  const iso = new Date(whole * 1000).toISOString() // YYYY-MM-DDTHH:MM:SS.000Z
  return `${iso.slice(0, 19)}.${String(micros).padStart(6, '0')}Z`
}

/** int64/uint64 fields: decimal strings, left out when zero. */
export function int64(value: bigint | number): string | undefined {
  const s = typeof value === 'bigint' ? value.toString() : String(Math.trunc(value))
  return s === '0' ? undefined : s
}
