// The evaluation loader's worker: parses an answer or a file, checks and prepares it, and posts
// back what the page needs with its typed arrays' buffers transferred. One job per worker.
import { loadEvaluationBody, transferablesOf } from '@/lib/eval-load.ts'
import type { LoadJob, LoadReply } from './evaluation-load.ts'

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LoadJob>) => void) | null
  postMessage: (reply: LoadReply, transfer: Transferable[]) => void
}

scope.onmessage = (event) => {
  void run(event.data)
}

async function run(job: LoadJob): Promise<void> {
  try {
    const message = loadEvaluationBody(await job.body.arrayBuffer(), job.source)
    scope.postMessage({ ok: true, message }, transferablesOf(message))
  } catch (error) {
    scope.postMessage({ ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }, [])
  }
}
