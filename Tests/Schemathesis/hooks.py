"""schemathesis hooks of SchemathesisTests: rules of the Taskforge API that its OpenAPI document
states in prose only, and the body format of tus PATCH requests (docs/api-testing.md)."""

import uuid

import schemathesis


@schemathesis.hook
def filter_query(context, query):
    """`delay` and `run_at` exclude each other (400 `invalid_parameter` when both are given)."""
    return not (query and "delay" in query and "run_at" in query)


@schemathesis.hook
def map_query(context, query):
    """A `cursor` is opaque: only one the server issued is valid, so none is made up."""
    if query and "cursor" in query:
        query = {name: value for name, value in query.items() if name != "cursor"}
    return query


@schemathesis.hook
def map_headers(context, headers):
    """An `Idempotency-Key` names one request: a new request gets a new key."""
    if headers and "Idempotency-Key" in headers:
        headers = {**headers, "Idempotency-Key": str(uuid.uuid4())}
    return headers


@schemathesis.hook
def map_body(context, body):
    """An `aod_estimation` box is `[min_lon, min_lat, max_lon, max_lat]` with latitudes in -90..90
    and each minimum below its maximum (422 pointing at the box otherwise): boxes of four numbers are
    put in order and their latitudes halved into range, wherever a body holds `bboxes`."""
    return _ordered_boxes(body)


def _ordered_boxes(value):
    if isinstance(value, dict):
        return {
            name: [_ordered_box(box) for box in member] if name == "bboxes" and isinstance(member, list)
            else _ordered_boxes(member)
            for name, member in value.items()
        }
    if isinstance(value, list):
        return [_ordered_boxes(member) for member in value]
    return value


def _ordered_box(box):
    numbers = isinstance(box, list) and len(box) == 4
    if not numbers or not all(isinstance(n, (int, float)) and not isinstance(n, bool) for n in box):
        return box
    west, east = sorted((box[0], box[2]))
    south, north = sorted((box[1] / 2, box[3] / 2))
    if west == east:
        west, east = (west - 1, east) if east > -179 else (west, east + 1)
    if south == north:
        south, north = (south - 1, north) if north > -89 else (south, north + 1)
    return [west, south, east, north]


@schemathesis.hook
def filter_failure(context, failure, case, response):
    """Two rules of `POST` routes that share a path with another form.

    `POST /v1/tasks/<task>` is declared at each task's literal path, with its own input schema; the
    template `GET /v1/tasks/{name}` matches the same URLs, where POST is neither undeclared (ST204)
    nor wrongly advertised in `Allow` (ST205).

    `POST /v1/artifacts` with `?name=` stores the body as the artifact's bytes whatever its
    `Content-Type`; the JSON form (`ArtifactUpload`) is the JSON body without `?name=` (ST201).
    """
    operation = case.operation
    literal_task_path = operation.path == "/v1/tasks/{name}" and (
        f"/v1/tasks/{(case.path_parameters or {}).get('name')}" in operation.schema.raw_schema["paths"]
    )
    if failure.code in ("ST204", "ST205") and literal_task_path:
        return False
    raw_artifact = operation.path == "/v1/artifacts" and "name" in (case.query or {})
    if failure.code == "ST201" and raw_artifact:
        return False
    return True


# A tus PATCH body is raw bytes, as `application/octet-stream` is.
schemathesis.serializer.alias("application/offset+octet-stream", "application/octet-stream")
