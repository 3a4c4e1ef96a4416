// Names for the wire shapes pages work with, so components need not reach into the generated
// schema (which only src/api/ may import). Every field is optional in practice, and typed so.
import type { Loose } from './endpoint.ts'
import type { components } from './schema'

export type { Loose }

/** The generated shapes with `cl_show_if_empty` fields loosened too: nothing is sure to arrive. */
type Schemas = { [K in keyof components['schemas']]: Loose<components['schemas'][K]> }

export type App = Schemas['App']
export type BinaryMetrics = Schemas['BinaryMetrics']
export type Concept = Schemas['Concept']
export type ConfusionMatrix = Schemas['ConfusionMatrix']
export type Dataset = Schemas['Dataset']
export type DatasetInput = Schemas['DatasetInput']
export type DatasetVersion = Schemas['DatasetVersion']
export type DatasetVersionMetrics = Schemas['DatasetVersionMetrics']
export type EvalMetrics = Schemas['EvalMetrics']
export type EvalTestSetEntry = Schemas['EvalTestSetEntry']
export type Input = Schemas['Input']
export type MatrixUint64 = Schemas['MatrixUint64']
export type MetricsSummary = Schemas['MetricsSummary']
export type Model = Schemas['Model']
export type ModelType = Schemas['ModelType']
export type ModelVersion = Schemas['ModelVersion']
export type Status = Schemas['Status']
export type Task = Schemas['Task']
export type TaskAssignment = Schemas['TaskAssignment']
export type User = Schemas['User']
