// Unit tests of the proto -> OpenAPI converter on small inline protos.
import { describe, expect, it } from 'vitest'
import {
  componentNames,
  convert,
  httpBindings,
  MAX_QUERY_DEPTH,
  parsePathTemplate,
  parseProtoText,
  resourceOf,
  summaryOf,
  toJsonName,
  toJsonPath,
  type Schema,
} from './gen-openapi.ts'
import protobuf from 'protobufjs'

const EXTENSIONS = `
syntax = "proto3";
package clarifai.api.utils;
import "google/protobuf/descriptor.proto";
extend google.protobuf.FieldOptions {
  bool cl_show_if_empty = 50000;
}
`

const THINGS = `
syntax = "proto3";
package test.v1;
import "google/api/annotations.proto";
import "google/protobuf/wrappers.proto";
import "google/protobuf/timestamp.proto";
import "google/protobuf/struct.proto";

message UserAppIDSet {
  // 'me' is the token owner.
  string user_id = 1;
  string app_id = 2;
}

// A tree node: recursive through parent, children and leaf.back.
message Node {
  string id = 1;
  Node parent = 2;
  repeated Node children = 3;
  Leaf leaf = 4;
}
message Leaf {
  Node back = 1;
  string label = 2;
}

message Fields {
  bool confusion_matrix = 1;
  bool label_counts = 2;
}

// A color.
enum Color {
  COLOR_NOT_SET = 0;
  // Like a rose.
  RED = 1;
  BLUE = 5;
}

message Thing {
  enum Kind {
    KIND_NOT_SET = 0;
    BIG = 1;
  }
  // The id.
  string id = 1;
  uint64 count = 2 [(clarifai.api.utils.cl_show_if_empty) = true];
  int64 delta = 3;
  google.protobuf.UInt64Value big = 4;
  google.protobuf.Int64Value small = 5;
  google.protobuf.BoolValue flag = 6;
  google.protobuf.FloatValue ratio = 7;
  google.protobuf.Timestamp created_at = 8;
  google.protobuf.Struct metadata = 9;
  map<string, uint64> counts = 10;
  Color color = 11;
  repeated string tags = 12 [(clarifai.api.utils.cl_show_if_empty) = true];
  string old = 13 [deprecated = true];
  bytes blob = 14;
  float mean_avg_precision_iou_50 = 15;
  Node root = 16;
  Kind kind = 17;
  fixed64 hash = 18;
  sint32 offset = 19;
  double score = 20;
}

message ListThingsRequest {
  UserAppIDSet user_app_id = 1;
  uint32 page = 2;
  repeated string additional_fields = 3;
  Fields fields = 4;
  oneof sort_by {
    bool sort_by_name = 5;
    bool sort_by_created_at = 6;
  }
  Node node = 7;
  repeated Thing things = 8;
  map<string, string> labels = 9;
  repeated Color colors = 10;
  google.protobuf.Timestamp since = 11;
  google.protobuf.Struct filter = 12;
  google.protobuf.UInt64Value min_count = 13;
  optional string maybe = 14;
  int64 offset = 15;
}
message MultiThingResponse {
  repeated Thing things = 1 [(clarifai.api.utils.cl_show_if_empty) = true];
}
message PostThingsRequest {
  UserAppIDSet user_app_id = 1;
  repeated Thing things = 2;
}
message GetThingRequest {
  UserAppIDSet user_app_id = 1;
  string thing_id = 2;
  string name = 3;
}
message SingleThingResponse {
  Thing thing = 1;
}
message DeepRequest {
  L1 a = 1;
}
message L1 { L2 b = 1; string v = 2; }
message L2 { L3 c = 1; string v = 2; }
message L3 { L4 d = 1; string v = 2; }
message L4 { L5 e = 1; string v = 2; }
message L5 { L6 f = 1; string v = 2; }
message L6 { L7 g = 1; string v = 2; }
message L7 { L8 h = 1; string v = 2; }
message L8 { string v = 1; }

service Things {
  // List all the things.
  // More text here.
  rpc ListThings(ListThingsRequest) returns (MultiThingResponse) {
    option (google.api.http) = {
      get: "/v2/users/{user_app_id.user_id}/apps/{user_app_id.app_id}/things"
      additional_bindings {
        get: "/v2/users/{user_app_id.user_id}/things"
      }
      additional_bindings {
        get: "/v2/things"
      }
    };
  }
  // Add things.
  rpc PostThings(PostThingsRequest) returns (MultiThingResponse) {
    option (google.api.http) = {
      post: "/v2/users/{user_app_id.user_id}/apps/{user_app_id.app_id}/things"
      body: "*"
      additional_bindings {
        get: "/v2/things"
      }
    };
  }
  rpc GetThing(GetThingRequest) returns (SingleThingResponse) {
    option (google.api.http) = {
      get: "/v2/things/{thing_id=**}"
    };
  }
  rpc PatchThing(GetThingRequest) returns (SingleThingResponse) {
    option deprecated = true;
    option (google.api.http) = {
      patch: "/v2/things/{thing_id}"
      body: "name"
    };
  }
  rpc DeleteThings(PostThingsRequest) returns (MultiThingResponse) {
    option (google.api.http) = {
      delete: "/v2/users/{user_app_id.user_id}/apps/{user_app_id.app_id}/things"
      body: "*"
    };
  }
  rpc Deep(DeepRequest) returns (SingleThingResponse) {
    option (google.api.http) = {
      get: "/v2/deep"
    };
  }
  rpc StreamThings(ListThingsRequest) returns (stream MultiThingResponse) {
    option (google.api.http) = {
      get: "/v2/things/stream"
    };
  }
  rpc NoHttp(ListThingsRequest) returns (MultiThingResponse);
}
`

const root = parseProtoText(EXTENSIONS, THINGS)
const result = convert(root, { service: 'test.v1.Things', title: 'Test', version: '0' })
type Op = { operationId: string; parameters: Schema[]; requestBody?: Schema; responses: Schema; deprecated?: boolean }
const doc = result.document as {
  paths: Record<string, Record<string, Op>>
  components: { schemas: Record<string, Schema> }
  'x-streaming-rpcs': string[]
  'x-route-collisions': unknown[]
}
const schemas = doc.components.schemas
const op = (method: string, p: string): Op => {
  const o = doc.paths[p]?.[method]
  if (!o) throw new Error(`no ${method} ${p}`)
  return o
}
const paramNames = (o: Op): string[] => o.parameters.map((p) => p.name as string)
const row = (id: string) => result.operations.find((o) => o.id === id)!

describe('toJsonName (protoc ToJsonName)', () => {
  it.each([
    ['user_app_id', 'userAppId'],
    ['iou_50', 'iou50'],
    ['mean_avg_precision_iou_50', 'meanAvgPrecisionIou50'],
    ['n_cols', 'nCols'],
    ['a__b', 'aB'],
    ['trailing_', 'trailing'],
    ['_leading', 'Leading'],
    ['x_1a', 'x1a'],
    ['already_Upper', 'alreadyUpper'],
    ['camelCase', 'camelCase'],
    ['id', 'id'],
  ])('%s -> %s', (input, expected) => {
    expect(toJsonName(input)).toBe(expected)
  })

  it('converts dotted paths segment by segment', () => {
    expect(toJsonPath('user_app_id.user_id')).toBe('userAppId.userId')
    expect(toJsonPath('fields.confusion_matrix')).toBe('fields.confusionMatrix')
  })
})

describe('bindings', () => {
  it('reads repeated additional_bindings from parsedOptions (the flat options keep one)', () => {
    const method = root.lookupService('test.v1.Things').methods.ListThings!
    expect(httpBindings(method).map((b) => `${b.method} ${b.template}`)).toEqual([
      'get /v2/users/{user_app_id.user_id}/apps/{user_app_id.app_id}/things',
      'get /v2/users/{user_app_id.user_id}/things',
      'get /v2/things',
    ])
    expect(Object.keys(method.options ?? {}).filter((k) => k.includes('additional_bindings'))).toHaveLength(1)
  })

  it('names operations <Rpc>, <Rpc>_2, <Rpc>_3 in declaration order', () => {
    expect(op('get', '/v2/users/{user_app_id.user_id}/apps/{user_app_id.app_id}/things').operationId).toBe('ListThings')
    expect(op('get', '/v2/users/{user_app_id.user_id}/things').operationId).toBe('ListThings_2')
    expect(op('get', '/v2/things').operationId).toBe('ListThings_3')
  })

  it('maps every HTTP method, bodies included', () => {
    const p = '/v2/users/{user_app_id.user_id}/apps/{user_app_id.app_id}/things'
    expect(Object.keys(doc.paths[p]!)).toEqual(['get', 'post', 'delete'])
    expect(op('post', p).requestBody).toEqual({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/PostThingsRequest' } } },
    })
    expect(op('delete', p).parameters.map((x) => x.in)).toEqual(['path', 'path'])
  })

  it('keeps one operation per route: the RPC whose verb matches the method', () => {
    expect(doc['x-route-collisions']).toEqual([
      { method: 'get', path: '/v2/things', kept: 'ListThings_3', shadowed: ['PostThings_2'] },
    ])
  })

  it('turns {name=**} into {name}', () => {
    expect(parsePathTemplate('/v2/things/{thing_id=**}')).toEqual({ path: '/v2/things/{thing_id}', params: ['thing_id'] })
    expect(parsePathTemplate('/v2/{a.b=users/*}/x:verb')).toEqual({ path: '/v2/{a.b}/x:verb', params: ['a.b'] })
    expect(op('get', '/v2/things/{thing_id}').operationId).toBe('GetThing')
  })

  it('body "field": that field is the body, the rest not in the path is query', () => {
    const patch = op('patch', '/v2/things/{thing_id}')
    expect(patch.requestBody).toEqual({ required: true, content: { 'application/json': { schema: { type: 'string' } } } })
    expect(paramNames(patch)).toEqual(['user_app_id.user_id', 'user_app_id.app_id', 'thing_id'])
    expect(patch.deprecated).toBe(true)
  })

  it('leaves out streaming RPCs and RPCs without HTTP rule, and lists the streaming ones', () => {
    expect(doc['x-streaming-rpcs']).toEqual(['StreamThings'])
    expect(doc.paths['/v2/things/stream']).toBeUndefined()
    expect(JSON.stringify(doc)).not.toContain('NoHttp')
  })
})

describe('query parameters', () => {
  const list = op('get', '/v2/users/{user_app_id.user_id}/apps/{user_app_id.app_id}/things')

  it('are the fields not in the path nor the body, flattened with dots, in proto field order', () => {
    expect(paramNames(list)).toEqual([
      'user_app_id.user_id',
      'user_app_id.app_id',
      'page',
      'additional_fields',
      'fields.confusion_matrix',
      'fields.label_counts',
      'sort_by_name',
      'sort_by_created_at',
      'node.id',
      'node.leaf.label',
      'colors',
      'since',
      'min_count',
      'maybe',
      'offset',
    ])
    expect(list.parameters.slice(0, 2).map((p) => [p.in, p.required])).toEqual([
      ['path', true],
      ['path', true],
    ])
    expect(list.parameters[2]).toEqual({ name: 'page', in: 'query', schema: { type: 'integer', format: 'uint32' } })
  })

  it('puts user_app_id in the query when the path does not bind it', () => {
    expect(paramNames(op('get', '/v2/users/{user_app_id.user_id}/things')).slice(0, 2)).toEqual([
      'user_app_id.user_id',
      'user_app_id.app_id',
    ])
    expect(op('get', '/v2/users/{user_app_id.user_id}/things').parameters[1]!.in).toBe('query')
    expect(op('get', '/v2/things').parameters.slice(0, 2).map((p) => p.in)).toEqual(['query', 'query'])
  })

  it('repeated scalars and enums are arrays; wrappers, timestamps and 64-bit ints keep their wire type', () => {
    const byName = Object.fromEntries(list.parameters.map((p) => [p.name, p.schema]))
    expect(byName.additional_fields).toEqual({ type: 'array', items: { type: 'string' } })
    expect(byName.colors).toEqual({ type: 'array', items: { $ref: '#/components/schemas/Color' } })
    expect(byName.since).toEqual({ type: 'string', format: 'date-time' })
    expect(byName.min_count).toEqual({ type: 'string', format: 'uint64' })
    expect(byName.offset).toEqual({ type: 'string', format: 'int64' })
  })

  it('oneof members are separate optional params tagged with their group; proto3 optional is no group', () => {
    const r = row('ListThings')
    expect(r.params.filter((p) => p.oneof).map((p) => [p.name, p.oneof])).toEqual([
      ['sort_by_name', 'sort_by'],
      ['sort_by_created_at', 'sort_by'],
    ])
    expect(r.params.find((p) => p.name === 'maybe')).toEqual({ name: 'maybe', in: 'query', type: 'string', required: false })
  })

  it('stop at recursive messages and skip repeated messages, maps and Struct', () => {
    const names = paramNames(list)
    expect(names.filter((n) => n.startsWith('node.'))).toEqual(['node.id', 'node.leaf.label'])
    expect(names.some((n) => /^(things|labels|filter)/.test(n))).toBe(false)
  })

  it(`go at most ${MAX_QUERY_DEPTH} messages deep`, () => {
    const names = paramNames(op('get', '/v2/deep'))
    expect(names[0]).toBe('a.b.c.d.e.f.v')
    expect(Math.max(...names.map((n) => n.split('.').length))).toBe(MAX_QUERY_DEPTH + 1)
    expect(names).toHaveLength(MAX_QUERY_DEPTH)
  })

  it('the operations table carries types, arrays, formats, enums, required and descriptions', () => {
    const params = Object.fromEntries(row('ListThings').params.map((p) => [p.name, p]))
    expect(params['user_app_id.user_id']).toEqual({
      name: 'user_app_id.user_id',
      in: 'path',
      type: 'string',
      required: true,
      description: "'me' is the token owner.",
    })
    expect(params.colors).toEqual({
      name: 'colors',
      in: 'query',
      type: 'integer',
      array: true,
      enum: { values: [0, 1, 5], names: ['COLOR_NOT_SET', 'RED', 'BLUE'] },
      required: false,
    })
    expect(params.offset).toMatchObject({ type: 'string', format: 'int64' })
    expect(row('ListThings').summary).toBe('List all the things')
    expect(row('ListThings').description).toBe('List all the things.\nMore text here.')
    expect(row('ListThings').resource).toBe('things')
  })
})

describe('component schemas', () => {
  const thing = schemas.Thing as { properties: Record<string, Schema>; required: string[] }

  it('64-bit integers (and their wrappers) are strings; 32-bit ints and floats numbers', () => {
    expect(thing.properties.count).toEqual({ type: 'string', format: 'uint64' })
    expect(thing.properties.delta).toEqual({ type: 'string', format: 'int64' })
    expect(thing.properties.big).toEqual({ type: 'string', format: 'uint64' })
    expect(thing.properties.small).toEqual({ type: 'string', format: 'int64' })
    expect(thing.properties.hash).toEqual({ type: 'string', format: 'uint64' })
    expect(thing.properties.counts).toEqual({ type: 'object', additionalProperties: { type: 'string', format: 'uint64' } })
    expect(thing.properties.offset).toEqual({ type: 'integer', format: 'int32' })
    expect(thing.properties.score).toEqual({ type: 'number', format: 'double' })
  })

  it('well-known types use their JSON mapping', () => {
    expect(thing.properties.flag).toEqual({ type: 'boolean' })
    expect(thing.properties.ratio).toEqual({ type: 'number', format: 'float' })
    expect(thing.properties.created_at).toEqual({ type: 'string', format: 'date-time' })
    expect(thing.properties.metadata).toEqual({ type: ['object', 'null'], additionalProperties: {} })
    expect(thing.properties.blob).toEqual({ type: 'string', format: 'byte' })
    expect(Object.keys(schemas).some((n) => /Timestamp|Struct|Value/.test(n))).toBe(false)
  })

  it('keeps proto names and field order, descriptions and deprecation', () => {
    expect(Object.keys(thing.properties).slice(0, 3)).toEqual(['id', 'count', 'delta'])
    expect(thing.properties.mean_avg_precision_iou_50).toEqual({ type: 'number', format: 'float' })
    expect(thing.properties.id).toEqual({ type: 'string', description: 'The id.' })
    expect(thing.properties.old).toEqual({ type: 'string', deprecated: true })
    expect(thing.properties.root).toEqual({ $ref: '#/components/schemas/Node' })
    expect(schemas.Thing).not.toHaveProperty('additionalProperties')
  })

  it('cl_show_if_empty fields are required', () => {
    expect(thing.required).toEqual(['count', 'tags'])
    expect(schemas.MultiThingResponse!.required).toEqual(['things'])
    expect(schemas.SingleThingResponse).not.toHaveProperty('required')
  })

  it('enums are integers with their names in x-enum-varnames', () => {
    expect(schemas.Color).toEqual({
      type: 'integer',
      description: 'A color.',
      enum: [0, 1, 5],
      'x-enum-varnames': ['COLOR_NOT_SET', 'RED', 'BLUE'],
      'x-enum-descriptions': ['', 'Like a rose.', ''],
    })
    expect(schemas.Thing_Kind).toMatchObject({ enum: [0, 1], 'x-enum-varnames': ['KIND_NOT_SET', 'BIG'] })
    expect(thing.properties.kind).toEqual({ $ref: '#/components/schemas/Thing_Kind' })
  })

  it('recursive messages are plain $refs', () => {
    expect((schemas.Node as { properties: Record<string, Schema> }).properties.children).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/Node' },
    })
  })

  it('only reachable messages become components', () => {
    expect(Object.keys(schemas)).not.toContain('ListThingsRequest')
    expect(Object.keys(schemas)).toContain('PostThingsRequest')
  })

  it('names colliding simple names with their package segment', () => {
    const r = parseProtoText(
      'syntax = "proto3"; package a.status; message Status { int32 code = 1; }',
      'syntax = "proto3"; package a.api; message Status { string s = 1; } message Model { string id = 1; }',
    )
    const types = [r.lookupType('a.status.Status'), r.lookupType('a.api.Status'), r.lookupType('a.api.Model')]
    const names = componentNames(types as protobuf.Type[])
    expect(types.map((t) => names.get(t))).toEqual(['status_Status', 'api_Status', 'Model'])
  })
})

describe('helpers', () => {
  it.each([
    ['/v2/users/{user_app_id.user_id}/apps/{user_app_id.app_id}/models/{model_id}/versions', 'models'],
    ['/v2/users/{user_app_id.user_id}/apps/{user_app_id.app_id}', 'apps'],
    ['/v2/users/{user_app_id.user_id}/apps', 'apps'],
    ['/v2/users/{user_app_id.user_id}', 'users'],
    ['/v2/users/{user_app_id.user_id}/evaluations', 'evaluations'],
    ['/v2/models/types', 'models'],
    ['/v2/app', 'apps'],
    ['/v2/users/{user_app_id.user_id}/apps/{user_app_id.app_id}/task/{task_id}/annotations/status', 'tasks'],
  ])('resourceOf(%s) = %s', (p, expected) => {
    expect(resourceOf(p)).toBe(expected)
  })

  it('summaries: first sentence, or line, or the humanized RPC name', () => {
    expect(summaryOf('List all the models.', 'ListModels')).toBe('List all the models')
    expect(summaryOf('Get a manifest\nExperimental. More.', 'X')).toBe('Get a manifest')
    expect(summaryOf('Lists workers (known as\n"workers") in the app.', 'X')).toBe('Lists workers (known as "workers") in the app')
    expect(summaryOf('', 'GetModelVersionExport')).toBe('Get model version export')
  })
})
