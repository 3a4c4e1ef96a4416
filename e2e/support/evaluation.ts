// The wire shape of an evaluation answer, as far as the viewer specs read it to check the page.
interface Concept {
  id?: string
  value?: number
}
interface Entry {
  ground_truth_concepts?: Concept[]
  predicted_concepts?: Concept[]
}
export interface EvalBody {
  eval_metrics: { test_set?: Entry[]; confusion_matrix?: { concept_ids?: string[] }; binary_metrics?: unknown[] }
}
