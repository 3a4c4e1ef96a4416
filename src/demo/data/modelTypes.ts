// Model types (ListModelTypes / GetModelType) and what the demo does with each.

export interface ModelTypeSpec {
  id: string
  title: string
  description: string
  input_fields: string[]
  output_fields: string[]
  trainable: boolean
  creatable: boolean
  /** EvaluationType enum: 1 classification, 2 detection, 3 segmentation, 4 clustering, 6 generation. */
  evaluation_type?: number
  /** Short word used in generated model ids. */
  short: string
  /** Whether models of this type carry concepts in output_info. */
  hasConcepts: boolean
}

export const MODEL_TYPES: ModelTypeSpec[] = [
  { id: 'visual-classifier', title: 'Visual Classifier', description: 'Classify images and videos into a set of concepts.', input_fields: ['image'], output_fields: ['concepts'], trainable: true, creatable: true, evaluation_type: 1, short: 'classifier', hasConcepts: true },
  { id: 'visual-detector', title: 'Visual Detector', description: 'Detect bounding box regions in images or video frames and classify the detected regions.', input_fields: ['image'], output_fields: ['regions[...].region_info.bounding_box', 'regions[...].data.concepts'], trainable: true, creatable: true, evaluation_type: 2, short: 'detector', hasConcepts: true },
  { id: 'visual-segmenter', title: 'Visual Segmenter', description: 'Segment a per-pixel mask for each concept in images.', input_fields: ['image'], output_fields: ['regions[...].region_info.mask', 'regions[...].data.concepts'], trainable: true, creatable: true, evaluation_type: 3, short: 'segmenter', hasConcepts: true },
  { id: 'embedding-classifier', title: 'Transfer Learn', description: 'Classify embeddings produced by a base model into a set of concepts.', input_fields: ['embeddings'], output_fields: ['concepts'], trainable: true, creatable: true, evaluation_type: 1, short: 'transfer', hasConcepts: true },
  { id: 'text-classifier', title: 'Text Classifier', description: 'Classify text into a set of concepts.', input_fields: ['text'], output_fields: ['concepts'], trainable: true, creatable: true, evaluation_type: 1, short: 'text-classifier', hasConcepts: true },
  { id: 'visual-embedder', title: 'Visual Embedder', description: 'Embed images and videos frames into a vector representation.', input_fields: ['image'], output_fields: ['embeddings'], trainable: false, creatable: true, short: 'embedder', hasConcepts: false },
  { id: 'text-embedder', title: 'Text Embedder', description: 'Embed text into a vector representation.', input_fields: ['text'], output_fields: ['embeddings'], trainable: false, creatable: true, short: 'text-embedder', hasConcepts: false },
  { id: 'clusterer', title: 'Clusterer', description: 'Cluster semantically similar images and video frames together in embedding space.', input_fields: ['embeddings'], output_fields: ['clusters'], trainable: true, creatable: true, evaluation_type: 4, short: 'clusterer', hasConcepts: false },
  { id: 'optical-character-recognizer', title: 'Optical Character Recognizer', description: 'Detect bounding box regions in images and read the text inside them.', input_fields: ['image'], output_fields: ['regions[...].region_info.bounding_box', 'regions[...].data.text'], trainable: false, creatable: true, short: 'ocr', hasConcepts: false },
  { id: 'text-to-text', title: 'Text To Text', description: 'Generate or convert text based on a text input.', input_fields: ['text'], output_fields: ['text'], trainable: false, creatable: true, evaluation_type: 6, short: 'llm', hasConcepts: false },
  { id: 'multimodal-to-text', title: 'Multimodal To Text', description: 'Generate text from images and text prompts.', input_fields: ['image', 'text'], output_fields: ['text'], trainable: false, creatable: true, evaluation_type: 6, short: 'vlm', hasConcepts: false },
  { id: 'visual-anomaly-heatmap', title: 'Visual Anomaly Heatmap', description: 'Visual anomaly scores and heatmaps for images.', input_fields: ['image'], output_fields: ['heatmaps', 'concepts'], trainable: true, creatable: true, short: 'anomaly', hasConcepts: true },
]

export const MODEL_TYPE_BY_ID = new Map(MODEL_TYPES.map((t) => [t.id, t]))

export function modelTypeWire(t: ModelTypeSpec): Record<string, unknown> {
  return {
    id: t.id,
    title: t.title,
    description: t.description,
    input_fields: t.input_fields,
    output_fields: t.output_fields,
    trainable: t.trainable || undefined,
    creatable: t.creatable || undefined,
    evaluation_type: t.evaluation_type,
  }
}
