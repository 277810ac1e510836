-- wrk: every request submits one echo job (POST /v1/tasks/echo), as a client of the API would.
wrk.method = "POST"
wrk.body = '{"message":"hello"}'
wrk.headers["Content-Type"] = "application/json"
