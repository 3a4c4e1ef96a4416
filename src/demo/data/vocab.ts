// Hand-written seeds for the demo world: apps with their vocabularies, word lists for names.

export type InputKind = 'image' | 'text' | 'video'

export interface AppSpec {
  id: string
  name: string
  description: string
  notes?: string
  gettable: 10 | 30 | 50
  /** Words used for model/dataset ids and concept names. */
  topics: string[]
  concepts: string[]
  /** Model type ids with weights, for the app's models. */
  typeMix: [string, number][]
  inputKinds: InputKind[]
  modelCount: number
  datasetCount: number
  taskCount: number
  isTemplate?: boolean
  starCount: number
  isStarred?: boolean
}

const VISION: [string, number][] = [
  ['visual-classifier', 5],
  ['visual-detector', 3],
  ['embedding-classifier', 2],
  ['visual-embedder', 1],
  ['visual-segmenter', 1],
  ['clusterer', 1],
  ['visual-anomaly-heatmap', 1],
]
const TEXT: [string, number][] = [
  ['text-classifier', 6],
  ['text-embedder', 2],
  ['text-to-text', 2],
  ['embedding-classifier', 1],
]

export const APP_SPECS: AppSpec[] = [
  {
    id: 'general-vision',
    name: 'General Vision Lab',
    description: 'Baseline image classifiers and detectors we compare every new model against.',
    notes: `# General Vision Lab

Shared sandbox for **baseline** models. Every production candidate is evaluated here first.

## How to add a model
1. Train on \`everyday-objects-train\`.
2. Evaluate against \`everyday-objects-holdout\` (never train on it).
3. Post the evaluation link in *#vision-evals*.

## Known issues
- The \`lamp\` and \`vase\` concepts are often confused in low light.
- Detector recall drops on objects smaller than 32 px.

See the [Clarifai docs](https://docs.clarifai.com/) for the evaluation metrics.`,
    gettable: 30,
    topics: ['everyday', 'objects', 'scenes', 'general', 'indoor', 'outdoor', 'baseline'],
    concepts: ['person', 'dog', 'cat', 'car', 'bicycle', 'chair', 'table', 'lamp', 'vase', 'plant', 'laptop', 'phone', 'cup', 'bottle', 'book', 'clock', 'bench', 'umbrella', 'backpack', 'shoe'],
    typeMix: VISION,
    inputKinds: ['image'],
    modelCount: 20,
    datasetCount: 5,
    taskCount: 4,
    starCount: 42,
    isStarred: true,
  },
  {
    id: 'retail-shelf-audit',
    name: 'Retail Shelf Audit',
    description: 'Detect empty facings and misplaced products on supermarket shelves.',
    notes: `## Shelf audit pipeline

| Stage | Model | Owner |
|---|---|---|
| Detect gaps | \`shelf-gap-detector\` | vision team |
| Classify product | \`facing-classifier\` | retail team |

Stores send around **12,000 photos per week**. Questions: see [the runbook](https://example.com/runbooks/shelf-audit).`,
    gettable: 10,
    topics: ['shelf', 'facing', 'planogram', 'gap', 'price-tag', 'aisle'],
    concepts: ['empty-facing', 'misplaced', 'price-tag', 'promo-sign', 'cereal', 'pasta', 'soda', 'water', 'snacks', 'coffee', 'tea', 'detergent'],
    typeMix: [['visual-detector', 5], ['visual-classifier', 4], ['visual-embedder', 1], ['clusterer', 1]],
    inputKinds: ['image'],
    modelCount: 16,
    datasetCount: 4,
    taskCount: 5,
    starCount: 7,
  },
  {
    id: 'wildlife-camera-traps',
    name: 'Wildlife Camera Traps',
    description: 'Species classification for camera trap images from three national parks.',
    notes: `# Camera traps

Night images are infrared (grayscale). About *70 %* of frames are empty.

- Parks: Bavarian Forest, Bieszczady, Abruzzo
- Labeling guide: [species sheet](https://example.org/species-sheet.pdf)
- Contact: wildlife@example.org`,
    gettable: 50,
    topics: ['species', 'night', 'trap', 'park', 'fauna', 'infrared'],
    concepts: ['empty', 'red-deer', 'roe-deer', 'wild-boar', 'red-fox', 'badger', 'lynx', 'wolf', 'brown-bear', 'hare', 'pine-marten', 'squirrel', 'owl', 'heron', 'pheasant', 'human', 'vehicle'],
    typeMix: [['visual-classifier', 5], ['visual-detector', 3], ['embedding-classifier', 2], ['visual-embedder', 1]],
    inputKinds: ['image', 'video'],
    modelCount: 15,
    datasetCount: 5,
    taskCount: 4,
    isTemplate: true,
    starCount: 128,
    isStarred: true,
  },
  {
    id: 'support-ticket-triage',
    name: 'Support Ticket Triage',
    description: 'Route incoming customer support tickets to the right queue.',
    notes: `### Queues
* billing
* technical
* account

Retrain monthly. Last retrain notes are in [the changelog](https://example.com/changelog#triage).`,
    gettable: 10,
    topics: ['ticket', 'intent', 'queue', 'triage', 'support', 'email'],
    concepts: ['billing', 'refund', 'login-issue', 'bug-report', 'feature-request', 'cancellation', 'shipping', 'account-change', 'praise', 'spam', 'outage', 'security'],
    typeMix: TEXT,
    inputKinds: ['text'],
    modelCount: 14,
    datasetCount: 4,
    taskCount: 3,
    starCount: 3,
  },
  {
    id: 'product-catalog',
    name: 'Product Catalog',
    description: 'Fine-grained SKU recognition across the full catalog (1,000 classes).',
    notes: `# Product catalog

The SKU recognizer covers **1,000** products. Evaluation sets are stratified per category.

> Tip: open the 1,000-concept evaluation and sort the matrix by frequency.`,
    gettable: 30,
    topics: ['sku', 'catalog', 'product', 'packshot', 'variant'],
    concepts: ['mug', 'kettle', 'toaster', 'blender', 'pan', 'knife', 'spoon', 'plate', 'bowl', 'jar', 'tray', 'grater', 'whisk', 'ladle', 'sieve', 'teapot', 'glass', 'fork', 'scale', 'timer', 'peeler', 'board', 'rack', 'tin', 'lid', 'towel', 'mat', 'basket', 'box', 'bag'],
    typeMix: [['visual-classifier', 6], ['visual-embedder', 2], ['visual-detector', 2], ['embedding-classifier', 2]],
    inputKinds: ['image', 'text'],
    modelCount: 13,
    datasetCount: 4,
    taskCount: 3,
    starCount: 19,
  },
  {
    id: 'satellite-imagery',
    name: 'Satellite Imagery',
    description: 'Land-use segmentation and building detection on 10 m tiles.',
    notes: `## Tiles

The \`planet-scale-tiles\` dataset is synthetic and **huge**: its counts exceed 2^53, so the console must keep every digit.

1. Tiles are 512 x 512 px.
2. Labels come from OpenStreetMap.`,
    gettable: 50,
    topics: ['tile', 'landuse', 'building', 'road', 'crop', 'cloud'],
    concepts: ['building', 'road', 'forest', 'water', 'cropland', 'grassland', 'bare-soil', 'cloud', 'snow', 'wetland'],
    typeMix: [['visual-segmenter', 3], ['visual-detector', 3], ['visual-classifier', 3], ['clusterer', 1]],
    inputKinds: ['image'],
    modelCount: 12,
    datasetCount: 4,
    taskCount: 3,
    starCount: 56,
  },
  {
    id: 'food-recognition',
    name: 'Food Recognition',
    description: 'Dish and ingredient recognition for a recipe app.',
    gettable: 50,
    topics: ['dish', 'ingredient', 'recipe', 'plate', 'menu'],
    concepts: ['pizza', 'sushi', 'burger', 'salad', 'pasta', 'ramen', 'taco', 'curry', 'pancake', 'steak', 'soup', 'dumpling', 'paella', 'falafel', 'croissant', 'ice-cream'],
    typeMix: VISION,
    inputKinds: ['image', 'text'],
    modelCount: 12,
    datasetCount: 3,
    taskCount: 4,
    starCount: 88,
  },
  {
    id: 'document-ocr',
    name: 'Document OCR',
    description: 'Invoice and receipt field extraction.',
    notes: `# Document OCR

Supported documents:
- invoices (PDF rendered to PNG)
- receipts (phone photos)

\`\`\`
pipeline: detect-layout -> ocr -> field-classifier
\`\`\``,
    gettable: 10,
    topics: ['invoice', 'receipt', 'layout', 'field', 'ocr'],
    concepts: ['total', 'date', 'vendor', 'tax', 'line-item', 'iban', 'address', 'signature'],
    typeMix: [['optical-character-recognizer', 3], ['text-classifier', 3], ['visual-detector', 2], ['multimodal-to-text', 2]],
    inputKinds: ['image', 'text'],
    modelCount: 11,
    datasetCount: 3,
    taskCount: 3,
    starCount: 5,
  },
  {
    id: 'content-moderation',
    name: 'Content Moderation',
    description: 'Flag unsafe images and toxic comments before they are published.',
    notes: `## Policy
Thresholds are set per market. **Never** auto-delete: flag for human review.

- [Policy document](https://example.com/policy)
- Escalations: trust-and-safety@example.com`,
    gettable: 10,
    topics: ['nsfw', 'toxicity', 'violence', 'moderation', 'safety'],
    concepts: ['safe', 'suggestive', 'explicit', 'gore', 'drugs', 'weapons', 'hate-symbol', 'toxic', 'insult', 'threat'],
    typeMix: [['visual-classifier', 4], ['text-classifier', 4], ['multimodal-to-text', 1], ['visual-embedder', 1]],
    inputKinds: ['image', 'text'],
    modelCount: 10,
    datasetCount: 4,
    taskCount: 4,
    starCount: 11,
  },
  {
    id: 'manufacturing-defects',
    name: 'Manufacturing Defects',
    description: 'Surface defect detection for stamped metal parts.',
    notes: `# Line 4 defects

Camera: 12 MP, fixed lighting.

## Classes
- scratch
- dent
- crack
- rust`,
    gettable: 10,
    topics: ['surface', 'defect', 'part', 'line', 'stamping', 'qc'],
    concepts: ['ok', 'scratch', 'dent', 'crack', 'rust', 'burr', 'porosity', 'misalignment'],
    typeMix: [['visual-detector', 4], ['visual-classifier', 3], ['visual-anomaly-heatmap', 2], ['visual-segmenter', 1]],
    inputKinds: ['image'],
    modelCount: 10,
    datasetCount: 3,
    taskCount: 4,
    starCount: 2,
  },
  {
    id: 'customer-reviews',
    name: 'Customer Reviews',
    description: 'Sentiment and topic classification for product reviews in five languages.',
    gettable: 30,
    topics: ['review', 'sentiment', 'topic', 'language', 'rating'],
    concepts: ['positive', 'negative', 'neutral', 'price', 'quality', 'delivery', 'packaging', 'size', 'color', 'durability'],
    typeMix: TEXT,
    inputKinds: ['text'],
    modelCount: 9,
    datasetCount: 3,
    taskCount: 3,
    starCount: 14,
  },
  {
    id: 'community-sandbox',
    name: 'Community Sandbox',
    description: 'Scratch space shared with contractors. Notes are user-supplied and untrusted.',
    notes: `# Sandbox notes (untrusted)

Contractors edit these notes. The console must render them **sanitized**:

<script>alert('xss from app notes')</script>

<img src="x" onerror="alert('xss from img')">

- [Looks like a docs link](javascript:alert('xss from link'))
- [A real link](https://clarifai.com)

<a href="javascript:alert(1)">raw html link</a>`,
    gettable: 10,
    topics: ['scratch', 'trial', 'contractor', 'sandbox', 'test'],
    concepts: ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta'],
    typeMix: VISION,
    inputKinds: ['image', 'text'],
    modelCount: 8,
    datasetCount: 2,
    taskCount: 2,
    starCount: 0,
  },
]

export const QUALIFIERS = ['base', 'lite', 'pro', 'v2', 'v3', 'large', 'small', 'fast', 'tuned', 'experimental', 'baseline', 'distilled', 'edge', 'night', 'multilingual', 'robust', 'ensemble', 'mini']

export const DATASET_SUFFIXES = ['train', 'holdout', 'eval', 'raw', 'curated', 'gold', 'labeled', '2024', 'archive', 'hard-negatives']

/** Adjectives combined with nouns when a model needs more concepts than its app's vocabulary. */
export const ADJECTIVES = ['amber', 'azure', 'bold', 'brisk', 'calm', 'coral', 'crimson', 'dusty', 'early', 'faded', 'fern', 'frosty', 'gilded', 'glossy', 'golden', 'hazel', 'indigo', 'ivory', 'jade', 'keen', 'lilac', 'lunar', 'matte', 'misty', 'navy', 'olive', 'pale', 'pearl', 'plum', 'quiet', 'rapid', 'rosy', 'rustic', 'sandy', 'silver', 'slate', 'smoky', 'solar', 'steel', 'sunny', 'teal', 'tiny', 'umber', 'velvet', 'vivid', 'warm', 'wild', 'young']

export const USERS = [
  { id: 'demo', first: 'Demo', last: 'User', company: 'Demo Corp', title: 'ML Engineer' },
  { id: 'alice', first: 'Alice', last: 'Nguyen', company: 'Demo Corp', title: 'Annotator' },
  { id: 'bob', first: 'Bob', last: 'Okafor', company: 'Demo Corp', title: 'Annotator' },
  { id: 'carol', first: 'Carol', last: 'Schmidt', company: 'Demo Corp', title: 'Reviewer' },
  { id: 'dave', first: 'Dave', last: 'Kowalski', company: 'LabelWorks', title: 'Annotator' },
  { id: 'erin', first: 'Erin', last: 'Rossi', company: 'LabelWorks', title: 'Annotator' },
  { id: 'frank', first: 'Frank', last: 'Tanaka', company: 'LabelWorks', title: 'Reviewer' },
  { id: 'grace', first: 'Grace', last: 'Moreau', company: 'Demo Corp', title: 'Data Scientist' },
]

export const TEXT_TEMPLATES = [
  'I was charged twice for my {x} order and nobody answered my email.',
  'The {x} arrived two days late but works perfectly.',
  'Can you add an option to export {x} as CSV?',
  'Love the new {x}, best purchase this year!',
  'My account shows the wrong {x} after the update.',
  'The app crashes every time I open {x}.',
  'Where can I find the invoice for {x}?',
  'Great quality, although the {x} is smaller than expected.',
  'Please cancel my {x} subscription.',
  'Is {x} available in other colors?',
]
