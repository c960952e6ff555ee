// Generated from openapi/used-diagnostic-equipment.yaml by `npm run generate`. Do not edit.
import type { OpenApiDocument } from '../openapi-document.js';

export const openApiDocument: OpenApiDocument = {
  "openapi": "3.0.3",
  "info": {
    "title": "Used diagnostic equipment",
    "version": "2.0.0-beta",
    "description": "Diagnostic equipment used on a ticket.\n\nUsed diagnostic Equipment represent diagnostic equipment that is used by an operator to diagnose or\nrepair a vehicle.\n\nEvery operation is BETA (`x-beta: true`).\n\nEvery operation needs two credentials at once: an OAuth2 access token (`Authorization: Bearer …`) and\nan API key. The upstream documentation does not name the API-key header; this document (and ude-kit)\nuses `X-Api-Key`.\n",
    "license": {
      "name": "MIT",
      "url": "https://opensource.org/licenses/MIT"
    }
  },
  "servers": [
    {
      "url": "http://127.0.0.1:4010",
      "description": "ude-kit mock (npm start)"
    }
  ],
  "tags": [
    {
      "name": "Used diagnostic equipment",
      "description": "Diagnostic equipment used on a ticket."
    }
  ],
  "security": [
    {
      "OAuth2": [],
      "ApiKey": []
    }
  ],
  "paths": {
    "/v2/tickets/used-diagnostic-equipment": {
      "get": {
        "operationId": "listUsedDiagnosticEquipment",
        "summary": "Retrieve all used diagnostic equipment [BETA]",
        "description": "Retrieve a list of diagnostic equipment that has been used by an operator on a ticket.",
        "x-beta": true,
        "tags": [
          "Used diagnostic equipment"
        ],
        "security": [
          {
            "OAuth2": [],
            "ApiKey": []
          }
        ],
        "parameters": [
          {
            "name": "limit",
            "in": "query",
            "description": "Limits the amount of resources in result.",
            "schema": {
              "$ref": "#/components/schemas/Limit"
            }
          },
          {
            "name": "offset",
            "in": "query",
            "description": "Offset of resources in result.",
            "schema": {
              "$ref": "#/components/schemas/Offset"
            }
          },
          {
            "name": "ticket_id",
            "in": "query",
            "description": "The identifier of the ticket of which you want to retrieve the used diagnostic equipment.",
            "schema": {
              "$ref": "#/components/schemas/TicketId"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Successful response.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/UsedDiagnosticEquipmentList"
                },
                "example": {
                  "query": {
                    "limit": 25,
                    "offset": 0,
                    "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8"
                  },
                  "result": [
                    {
                      "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
                      "diagnostic_equipment_id": 12,
                      "name": "iCarsoft CR Pro",
                      "version": "2.0"
                    }
                  ],
                  "total": 3255
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      },
      "post": {
        "operationId": "addUsedDiagnosticEquipment",
        "summary": "Add used diagnostic equipment [BETA]",
        "description": "Add diagnostic equipment that has been used by an operator on a ticket. Diagnostic equipment can only be added on a 'In Progress' ticket.",
        "x-beta": true,
        "tags": [
          "Used diagnostic equipment"
        ],
        "security": [
          {
            "ApiKey": [],
            "OAuth2": []
          }
        ],
        "requestBody": {
          "required": true,
          "description": "The diagnostic equipment that has been used.",
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/NewUsedDiagnosticEquipment"
              },
              "example": {
                "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
                "diagnostic_equipment_id": 12
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Created.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/UsedDiagnosticEquipment"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/v2/tickets/used-diagnostic-equipment/{ticket-id}/{diagnostic-equipment-id}": {
      "parameters": [
        {
          "name": "ticket-id",
          "in": "path",
          "required": true,
          "description": "Ticket on which the diagnostic equipment was used.",
          "schema": {
            "$ref": "#/components/schemas/TicketId"
          },
          "example": "595be628-f6f2-4262-9c10-6389c6c4a5b8"
        },
        {
          "name": "diagnostic-equipment-id",
          "in": "path",
          "required": true,
          "description": "Used Diagnostic Equipment identifier.",
          "schema": {
            "$ref": "#/components/schemas/DiagnosticEquipmentId"
          },
          "example": 12
        }
      ],
      "get": {
        "operationId": "getUsedDiagnosticEquipment",
        "summary": "Retrieve a used diagnostic equipment [BETA]",
        "description": "Retrieve a used diagnostic equipment by its identifiers.",
        "x-beta": true,
        "tags": [
          "Used diagnostic equipment"
        ],
        "security": [
          {
            "OAuth2": [],
            "ApiKey": []
          }
        ],
        "responses": {
          "200": {
            "description": "Successful response.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/UsedDiagnosticEquipment"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      },
      "delete": {
        "operationId": "removeUsedDiagnosticEquipment",
        "summary": "Remove used diagnostic equipment [BETA]",
        "description": "Remove diagnostic equipment that has been used by an operator on a ticket. Diagnostic equipment can only be removed from a 'In Progress' ticket.",
        "x-beta": true,
        "tags": [
          "Used diagnostic equipment"
        ],
        "security": [
          {
            "ApiKey": [],
            "OAuth2": []
          }
        ],
        "responses": {
          "204": {
            "description": "Successfully removed."
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "OAuth2": {
        "type": "oauth2",
        "description": "An OAuth2 access token, sent as `Authorization: Bearer <token>`.",
        "flows": {
          "clientCredentials": {
            "tokenUrl": "/oauth2/token",
            "scopes": {}
          }
        }
      },
      "ApiKey": {
        "type": "apiKey",
        "in": "header",
        "name": "X-Api-Key",
        "description": "The API key. The upstream documentation does not name its header; ude-kit uses `X-Api-Key`."
      }
    },
    "responses": {
      "BadRequest": {
        "description": "Bad request.",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "example": {
              "type": "/problems/violations",
              "title": "Bad request",
              "status": 400,
              "detail": "The request violates one or more constraints. Please resolve all of them and try again.",
              "violations": [
                {
                  "field": "diagnostic_equipment_id",
                  "message": "must be an integer"
                }
              ]
            }
          }
        }
      },
      "Problem": {
        "description": "An error occurred - see status code and problem response for more information.",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "example": {
              "type": "/problems/violations",
              "title": "Bad request",
              "status": 400,
              "detail": "The request violates one or more constraints. Please resolve all of them and try again.",
              "violations": [
                {
                  "field": "limit",
                  "message": "must be <= 1000"
                }
              ]
            }
          }
        }
      }
    },
    "schemas": {
      "TicketId": {
        "type": "string",
        "format": "uuid",
        "description": "Identifier of the ticket.",
        "example": "595be628-f6f2-4262-9c10-6389c6c4a5b8"
      },
      "DiagnosticEquipmentId": {
        "type": "integer",
        "format": "int32",
        "description": "Identifier of diagnostic equipment.",
        "example": 12
      },
      "Limit": {
        "type": "integer",
        "format": "int32",
        "minimum": 0,
        "maximum": 1000,
        "default": 25,
        "description": "Limits the amount of resources in result."
      },
      "Offset": {
        "type": "integer",
        "format": "int64",
        "minimum": 0,
        "default": 0,
        "description": "Offset of resources in result."
      },
      "UsedDiagnosticEquipment": {
        "title": "Used diagnostic equipment",
        "type": "object",
        "description": "Used diagnostic Equipment represent diagnostic equipment that is used by an operator to diagnose or repair a vehicle.",
        "required": [
          "ticket_id",
          "diagnostic_equipment_id",
          "name",
          "version"
        ],
        "properties": {
          "ticket_id": {
            "$ref": "#/components/schemas/TicketId"
          },
          "diagnostic_equipment_id": {
            "$ref": "#/components/schemas/DiagnosticEquipmentId"
          },
          "name": {
            "type": "string",
            "minLength": 0,
            "maxLength": 255,
            "description": "Name of the diagnostic equipment.",
            "example": "iCarsoft CR Pro"
          },
          "version": {
            "type": "string",
            "nullable": true,
            "minLength": 1,
            "maxLength": 255,
            "description": "Version of the diagnostic equipment.",
            "example": "2.0"
          }
        },
        "example": {
          "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
          "diagnostic_equipment_id": 12,
          "name": "iCarsoft CR Pro",
          "version": "2.0"
        }
      },
      "NewUsedDiagnosticEquipment": {
        "type": "object",
        "description": "The diagnostic equipment that has been used.",
        "required": [
          "ticket_id",
          "diagnostic_equipment_id"
        ],
        "properties": {
          "ticket_id": {
            "$ref": "#/components/schemas/TicketId"
          },
          "diagnostic_equipment_id": {
            "$ref": "#/components/schemas/DiagnosticEquipmentId"
          }
        },
        "example": {
          "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
          "diagnostic_equipment_id": 12
        }
      },
      "AppliedQuery": {
        "type": "object",
        "description": "Applied query parameters, including defaults.",
        "minProperties": 0,
        "required": [
          "limit",
          "offset"
        ],
        "properties": {
          "limit": {
            "allOf": [
              {
                "$ref": "#/components/schemas/Limit"
              }
            ],
            "description": "The applied value of the limit query parameter on the resources in result."
          },
          "offset": {
            "allOf": [
              {
                "$ref": "#/components/schemas/Offset"
              }
            ],
            "description": "The applied value of the offset query parameter on the resources in result."
          }
        },
        "additionalProperties": true
      },
      "UsedDiagnosticEquipmentList": {
        "type": "object",
        "required": [
          "query",
          "result",
          "total"
        ],
        "properties": {
          "query": {
            "$ref": "#/components/schemas/AppliedQuery"
          },
          "result": {
            "type": "array",
            "description": "List of used diagnostic equipment.",
            "minItems": 0,
            "items": {
              "$ref": "#/components/schemas/UsedDiagnosticEquipment"
            }
          },
          "total": {
            "type": "integer",
            "format": "int64",
            "description": "Total number of resources matching provided query parameters.",
            "example": 3255
          }
        }
      },
      "Violation": {
        "type": "object",
        "description": "One broken constraint of a request.",
        "required": [
          "field",
          "message"
        ],
        "properties": {
          "field": {
            "type": "string",
            "description": "The broken field: a query or path parameter name, a request-body property, a header name, or `body` for the request body as a whole.",
            "example": "limit"
          },
          "message": {
            "type": "string",
            "description": "What is wrong with it.",
            "example": "must be <= 1000"
          }
        }
      },
      "Problem": {
        "type": "object",
        "description": "An RFC 9457 problem detail. Returned when the request cannot be handled due to something that is perceived to be a client error.",
        "required": [
          "type",
          "title",
          "status",
          "detail"
        ],
        "properties": {
          "type": {
            "type": "string",
            "description": "A URI reference that identifies the problem type.",
            "example": "/problems/violations"
          },
          "title": {
            "type": "string",
            "description": "A short, human-readable summary of the problem type.",
            "example": "Bad request"
          },
          "status": {
            "type": "integer",
            "format": "int32",
            "minimum": 100,
            "maximum": 599,
            "description": "The HTTP status code.",
            "example": 400
          },
          "detail": {
            "type": "string",
            "description": "A human-readable explanation specific to this occurrence of the problem.",
            "example": "The request violates one or more constraints. Please resolve all of them and try again."
          },
          "violations": {
            "type": "array",
            "description": "One entry per broken constraint (for `/problems/violations`).",
            "items": {
              "$ref": "#/components/schemas/Violation"
            }
          }
        }
      }
    }
  }
};
