// Generated from openapi/used-diagnostic-equipment.yaml by `npm run generate`. Do not edit.
export interface paths {
    "/v2/tickets/used-diagnostic-equipment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve all used diagnostic equipment [BETA]
         * @description Retrieve a list of diagnostic equipment that has been used by an operator on a ticket.
         */
        get: operations["listUsedDiagnosticEquipment"];
        put?: never;
        /**
         * Add used diagnostic equipment [BETA]
         * @description Add diagnostic equipment that has been used by an operator on a ticket. Diagnostic equipment can only be added on a 'In Progress' ticket.
         */
        post: operations["addUsedDiagnosticEquipment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/tickets/used-diagnostic-equipment/{ticket-id}/{diagnostic-equipment-id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Ticket on which the diagnostic equipment was used.
                 * @example 595be628-f6f2-4262-9c10-6389c6c4a5b8
                 */
                "ticket-id": components["schemas"]["TicketId"];
                /**
                 * @description Used Diagnostic Equipment identifier.
                 * @example 12
                 */
                "diagnostic-equipment-id": components["schemas"]["DiagnosticEquipmentId"];
            };
            cookie?: never;
        };
        /**
         * Retrieve a used diagnostic equipment [BETA]
         * @description Retrieve a used diagnostic equipment by its identifiers.
         */
        get: operations["getUsedDiagnosticEquipment"];
        put?: never;
        post?: never;
        /**
         * Remove used diagnostic equipment [BETA]
         * @description Remove diagnostic equipment that has been used by an operator on a ticket. Diagnostic equipment can only be removed from a 'In Progress' ticket.
         */
        delete: operations["removeUsedDiagnosticEquipment"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * Format: uuid
         * @description Identifier of the ticket.
         * @example 595be628-f6f2-4262-9c10-6389c6c4a5b8
         */
        TicketId: string;
        /**
         * Format: int32
         * @description Identifier of diagnostic equipment.
         * @example 12
         */
        DiagnosticEquipmentId: number;
        /**
         * Format: int32
         * @description Limits the amount of resources in result.
         * @default 25
         */
        Limit: number;
        /**
         * Format: int64
         * @description Offset of resources in result.
         * @default 0
         */
        Offset: number;
        /**
         * Used diagnostic equipment
         * @description Used diagnostic Equipment represent diagnostic equipment that is used by an operator to diagnose or repair a vehicle.
         * @example {
         *       "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
         *       "diagnostic_equipment_id": 12,
         *       "name": "iCarsoft CR Pro",
         *       "version": "2.0"
         *     }
         */
        UsedDiagnosticEquipment: {
            ticket_id: components["schemas"]["TicketId"];
            diagnostic_equipment_id: components["schemas"]["DiagnosticEquipmentId"];
            /**
             * @description Name of the diagnostic equipment.
             * @example iCarsoft CR Pro
             */
            name: string;
            /**
             * @description Version of the diagnostic equipment.
             * @example 2.0
             */
            version: string | null;
        };
        /**
         * @description The diagnostic equipment that has been used.
         * @example {
         *       "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
         *       "diagnostic_equipment_id": 12
         *     }
         */
        NewUsedDiagnosticEquipment: {
            ticket_id: components["schemas"]["TicketId"];
            diagnostic_equipment_id: components["schemas"]["DiagnosticEquipmentId"];
        };
        /** @description Applied query parameters, including defaults. */
        AppliedQuery: {
            /** @description The applied value of the limit query parameter on the resources in result. */
            limit: components["schemas"]["Limit"];
            /** @description The applied value of the offset query parameter on the resources in result. */
            offset: components["schemas"]["Offset"];
        } & {
            [key: string]: unknown;
        };
        UsedDiagnosticEquipmentList: {
            query: components["schemas"]["AppliedQuery"];
            /** @description List of used diagnostic equipment. */
            result: components["schemas"]["UsedDiagnosticEquipment"][];
            /**
             * Format: int64
             * @description Total number of resources matching provided query parameters.
             * @example 3255
             */
            total: number;
        };
        /** @description One broken constraint of a request. */
        Violation: {
            /**
             * @description The broken field: a query or path parameter name, a request-body property, a header name, or `body` for the request body as a whole.
             * @example limit
             */
            field: string;
            /**
             * @description What is wrong with it.
             * @example must be <= 1000
             */
            message: string;
        };
        /** @description An RFC 9457 problem detail. Returned when the request cannot be handled due to something that is perceived to be a client error. */
        Problem: {
            /**
             * @description A URI reference that identifies the problem type.
             * @example /problems/violations
             */
            type: string;
            /**
             * @description A short, human-readable summary of the problem type.
             * @example Bad request
             */
            title: string;
            /**
             * Format: int32
             * @description The HTTP status code.
             * @example 400
             */
            status: number;
            /**
             * @description A human-readable explanation specific to this occurrence of the problem.
             * @example The request violates one or more constraints. Please resolve all of them and try again.
             */
            detail: string;
            /** @description One entry per broken constraint (for `/problems/violations`). */
            violations?: components["schemas"]["Violation"][];
        };
    };
    responses: {
        /** @description Bad request. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/problems/violations",
                 *       "title": "Bad request",
                 *       "status": 400,
                 *       "detail": "The request violates one or more constraints. Please resolve all of them and try again.",
                 *       "violations": [
                 *         {
                 *           "field": "diagnostic_equipment_id",
                 *           "message": "must be an integer"
                 *         }
                 *       ]
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description An error occurred - see status code and problem response for more information. */
        Problem: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/problems/violations",
                 *       "title": "Bad request",
                 *       "status": 400,
                 *       "detail": "The request violates one or more constraints. Please resolve all of them and try again.",
                 *       "violations": [
                 *         {
                 *           "field": "limit",
                 *           "message": "must be <= 1000"
                 *         }
                 *       ]
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listUsedDiagnosticEquipment: {
        parameters: {
            query?: {
                /** @description Limits the amount of resources in result. */
                limit?: components["schemas"]["Limit"];
                /** @description Offset of resources in result. */
                offset?: components["schemas"]["Offset"];
                /** @description The identifier of the ticket of which you want to retrieve the used diagnostic equipment. */
                ticket_id?: components["schemas"]["TicketId"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "query": {
                     *         "limit": 25,
                     *         "offset": 0,
                     *         "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8"
                     *       },
                     *       "result": [
                     *         {
                     *           "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
                     *           "diagnostic_equipment_id": 12,
                     *           "name": "iCarsoft CR Pro",
                     *           "version": "2.0"
                     *         }
                     *       ],
                     *       "total": 3255
                     *     }
                     */
                    "application/json": components["schemas"]["UsedDiagnosticEquipmentList"];
                };
            };
            default: components["responses"]["Problem"];
        };
    };
    addUsedDiagnosticEquipment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The diagnostic equipment that has been used. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
                 *       "diagnostic_equipment_id": 12
                 *     }
                 */
                "application/json": components["schemas"]["NewUsedDiagnosticEquipment"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsedDiagnosticEquipment"];
                };
            };
            400: components["responses"]["BadRequest"];
            default: components["responses"]["Problem"];
        };
    };
    getUsedDiagnosticEquipment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Ticket on which the diagnostic equipment was used.
                 * @example 595be628-f6f2-4262-9c10-6389c6c4a5b8
                 */
                "ticket-id": components["schemas"]["TicketId"];
                /**
                 * @description Used Diagnostic Equipment identifier.
                 * @example 12
                 */
                "diagnostic-equipment-id": components["schemas"]["DiagnosticEquipmentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsedDiagnosticEquipment"];
                };
            };
            default: components["responses"]["Problem"];
        };
    };
    removeUsedDiagnosticEquipment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Ticket on which the diagnostic equipment was used.
                 * @example 595be628-f6f2-4262-9c10-6389c6c4a5b8
                 */
                "ticket-id": components["schemas"]["TicketId"];
                /**
                 * @description Used Diagnostic Equipment identifier.
                 * @example 12
                 */
                "diagnostic-equipment-id": components["schemas"]["DiagnosticEquipmentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successfully removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            default: components["responses"]["Problem"];
        };
    };
}
