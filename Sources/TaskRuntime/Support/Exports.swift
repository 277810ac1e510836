@_exported import TaskSchema
