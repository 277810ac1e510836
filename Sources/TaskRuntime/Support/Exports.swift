@_exported import TaskAPIModel
@_exported import TaskSchema
