// Generated from openapi/used-diagnostic-equipment.yaml by `npm run generate`. Do not edit.
import type { StateDocument } from '../state-document.js';

export const precomputedDefaultState: StateDocument = {
  "tickets": [
    {
      "id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
      "status": "In Progress"
    },
    {
      "id": "c105ed00-7a3e-4c5b-9f1d-2b8e6a4d0c11",
      "status": "Closed"
    },
    {
      "id": "3d88d149-f80c-43c6-8db8-201013b801f9",
      "status": "In Progress"
    },
    {
      "id": "b39fd379-d201-4799-b5f9-68ba415a3c14",
      "status": "In Progress"
    },
    {
      "id": "a8e41bce-e039-4ff8-bea6-798ee6f22280",
      "status": "Closed"
    },
    {
      "id": "0252c5f9-ede7-48c4-b790-96c5e92c906a",
      "status": "In Progress"
    },
    {
      "id": "f6f9d9a4-9cdc-4bd5-ba76-66596fa365ce",
      "status": "Open"
    },
    {
      "id": "44d8c9b8-c975-4161-8f2c-db9275394ee4",
      "status": "In Progress"
    },
    {
      "id": "7b33d693-1872-498a-a2c3-8c05dd8dfdd1",
      "status": "Closed"
    },
    {
      "id": "9c0cb44a-5c7c-4f42-ae8f-af882502b05d",
      "status": "Closed"
    },
    {
      "id": "379f334c-7083-4c40-99d6-b88fc0b7f341",
      "status": "In Progress"
    },
    {
      "id": "acbc5d6d-a210-4171-80c6-b7777c6e0c29",
      "status": "Open"
    }
  ],
  "catalog": [
    {
      "diagnostic_equipment_id": 1,
      "name": "Autel MaxiSys MS906BT",
      "version": "7.0.6"
    },
    {
      "diagnostic_equipment_id": 2,
      "name": "Autel MaxiCOM MK808",
      "version": null
    },
    {
      "diagnostic_equipment_id": 3,
      "name": "Launch X431 V+",
      "version": null
    },
    {
      "diagnostic_equipment_id": 4,
      "name": "Launch CRP129E",
      "version": null
    },
    {
      "diagnostic_equipment_id": 5,
      "name": "Bosch KTS 560",
      "version": "3.11.8"
    },
    {
      "diagnostic_equipment_id": 6,
      "name": "Bosch KTS 350",
      "version": "2.18.0"
    },
    {
      "diagnostic_equipment_id": 7,
      "name": "Snap-on ZEUS",
      "version": "4.11.2"
    },
    {
      "diagnostic_equipment_id": 8,
      "name": "Snap-on SOLUS Legend",
      "version": null
    },
    {
      "diagnostic_equipment_id": 9,
      "name": "Foxwell NT510 Elite",
      "version": "9.6.14"
    },
    {
      "diagnostic_equipment_id": 10,
      "name": "Topdon Phoenix Plus",
      "version": "8.1.0"
    },
    {
      "diagnostic_equipment_id": 11,
      "name": "Delphi DS150E",
      "version": null
    },
    {
      "diagnostic_equipment_id": 12,
      "name": "iCarsoft CR Pro",
      "version": "2.0"
    },
    {
      "diagnostic_equipment_id": 13,
      "name": "Ross-Tech VCDS HEX-V2",
      "version": "0.8.20"
    },
    {
      "diagnostic_equipment_id": 14,
      "name": "Hella Gutmann mega macs 56",
      "version": "6.6.14"
    },
    {
      "diagnostic_equipment_id": 15,
      "name": "Fluke 88V Automotive Multimeter",
      "version": "0.15.20"
    },
    {
      "diagnostic_equipment_id": 16,
      "name": "Pico Technology 4425A",
      "version": "2.16.2"
    },
    {
      "diagnostic_equipment_id": 17,
      "name": "Midtronics GR8 Battery Tester",
      "version": "9.6.6"
    },
    {
      "diagnostic_equipment_id": 18,
      "name": "Actron CP9690",
      "version": null
    },
    {
      "diagnostic_equipment_id": 19,
      "name": "Innova 5610",
      "version": null
    },
    {
      "diagnostic_equipment_id": 20,
      "name": "BlueDriver Pro",
      "version": "2.5.10"
    },
    {
      "diagnostic_equipment_id": 21,
      "name": "Thinkcar ThinkTool Pro",
      "version": null
    },
    {
      "diagnostic_equipment_id": 22,
      "name": "Xtool D8",
      "version": "1.12.14"
    },
    {
      "diagnostic_equipment_id": 23,
      "name": "Jaltest Link",
      "version": null
    },
    {
      "diagnostic_equipment_id": 24,
      "name": "TOPDON ArtiDiag800",
      "version": "6.8.1"
    },
    {
      "diagnostic_equipment_id": 25,
      "name": "OTC Encore",
      "version": "6.10.19"
    },
    {
      "diagnostic_equipment_id": 26,
      "name": "Carman Scan VG+",
      "version": "9.2.2"
    },
    {
      "diagnostic_equipment_id": 27,
      "name": "G-Scan 3",
      "version": "3.3.19"
    },
    {
      "diagnostic_equipment_id": 28,
      "name": "Icarsoft MB V3.0",
      "version": "7.15.18"
    },
    {
      "diagnostic_equipment_id": 29,
      "name": "Schrader EZ-Sensor Tool",
      "version": "7.7.5"
    },
    {
      "diagnostic_equipment_id": 30,
      "name": "Bosch ADS 625X",
      "version": "4.20.13"
    },
    {
      "diagnostic_equipment_id": 31,
      "name": "Snap-on Verus Edge",
      "version": "1.19.9"
    },
    {
      "diagnostic_equipment_id": 32,
      "name": "Autel MaxiTPMS TS508",
      "version": "4.4.18"
    },
    {
      "diagnostic_equipment_id": 33,
      "name": "Launch Creader 8011",
      "version": "0.12.6"
    },
    {
      "diagnostic_equipment_id": 34,
      "name": "Foxwell GT60",
      "version": "8.7.19"
    },
    {
      "diagnostic_equipment_id": 35,
      "name": "Texa Konfort 760R",
      "version": "0.19.14"
    },
    {
      "diagnostic_equipment_id": 36,
      "name": "Fluke 1587 FC Insulation Tester",
      "version": "1.2.19"
    },
    {
      "diagnostic_equipment_id": 37,
      "name": "Pico Technology 2204A",
      "version": "0.15.15"
    },
    {
      "diagnostic_equipment_id": 38,
      "name": "Ancel FX6000",
      "version": "7.2.0"
    },
    {
      "diagnostic_equipment_id": 39,
      "name": "Yanhua ACDP",
      "version": null
    },
    {
      "diagnostic_equipment_id": 40,
      "name": "Hella Gutmann CSC Tool",
      "version": null
    }
  ],
  "used": [
    {
      "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
      "diagnostic_equipment_id": 12
    },
    {
      "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
      "diagnostic_equipment_id": 13
    },
    {
      "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
      "diagnostic_equipment_id": 24
    },
    {
      "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
      "diagnostic_equipment_id": 21
    },
    {
      "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
      "diagnostic_equipment_id": 25
    },
    {
      "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
      "diagnostic_equipment_id": 17
    },
    {
      "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
      "diagnostic_equipment_id": 14
    },
    {
      "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
      "diagnostic_equipment_id": 33
    },
    {
      "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
      "diagnostic_equipment_id": 20
    },
    {
      "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
      "diagnostic_equipment_id": 16
    },
    {
      "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
      "diagnostic_equipment_id": 3
    },
    {
      "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
      "diagnostic_equipment_id": 4
    },
    {
      "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
      "diagnostic_equipment_id": 30
    },
    {
      "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
      "diagnostic_equipment_id": 9
    },
    {
      "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
      "diagnostic_equipment_id": 22
    },
    {
      "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
      "diagnostic_equipment_id": 34
    },
    {
      "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
      "diagnostic_equipment_id": 29
    },
    {
      "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
      "diagnostic_equipment_id": 27
    },
    {
      "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
      "diagnostic_equipment_id": 26
    },
    {
      "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
      "diagnostic_equipment_id": 19
    },
    {
      "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
      "diagnostic_equipment_id": 6
    },
    {
      "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
      "diagnostic_equipment_id": 36
    },
    {
      "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
      "diagnostic_equipment_id": 5
    },
    {
      "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
      "diagnostic_equipment_id": 31
    },
    {
      "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
      "diagnostic_equipment_id": 28
    },
    {
      "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
      "diagnostic_equipment_id": 32
    },
    {
      "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
      "diagnostic_equipment_id": 35
    },
    {
      "ticket_id": "595be628-f6f2-4262-9c10-6389c6c4a5b8",
      "diagnostic_equipment_id": 1
    },
    {
      "ticket_id": "c105ed00-7a3e-4c5b-9f1d-2b8e6a4d0c11",
      "diagnostic_equipment_id": 18
    },
    {
      "ticket_id": "c105ed00-7a3e-4c5b-9f1d-2b8e6a4d0c11",
      "diagnostic_equipment_id": 15
    },
    {
      "ticket_id": "c105ed00-7a3e-4c5b-9f1d-2b8e6a4d0c11",
      "diagnostic_equipment_id": 37
    },
    {
      "ticket_id": "3d88d149-f80c-43c6-8db8-201013b801f9",
      "diagnostic_equipment_id": 34
    },
    {
      "ticket_id": "3d88d149-f80c-43c6-8db8-201013b801f9",
      "diagnostic_equipment_id": 28
    },
    {
      "ticket_id": "3d88d149-f80c-43c6-8db8-201013b801f9",
      "diagnostic_equipment_id": 2
    },
    {
      "ticket_id": "3d88d149-f80c-43c6-8db8-201013b801f9",
      "diagnostic_equipment_id": 38
    },
    {
      "ticket_id": "a8e41bce-e039-4ff8-bea6-798ee6f22280",
      "diagnostic_equipment_id": 26
    },
    {
      "ticket_id": "a8e41bce-e039-4ff8-bea6-798ee6f22280",
      "diagnostic_equipment_id": 22
    },
    {
      "ticket_id": "a8e41bce-e039-4ff8-bea6-798ee6f22280",
      "diagnostic_equipment_id": 34
    },
    {
      "ticket_id": "a8e41bce-e039-4ff8-bea6-798ee6f22280",
      "diagnostic_equipment_id": 14
    },
    {
      "ticket_id": "0252c5f9-ede7-48c4-b790-96c5e92c906a",
      "diagnostic_equipment_id": 22
    },
    {
      "ticket_id": "0252c5f9-ede7-48c4-b790-96c5e92c906a",
      "diagnostic_equipment_id": 1
    },
    {
      "ticket_id": "0252c5f9-ede7-48c4-b790-96c5e92c906a",
      "diagnostic_equipment_id": 13
    },
    {
      "ticket_id": "0252c5f9-ede7-48c4-b790-96c5e92c906a",
      "diagnostic_equipment_id": 26
    },
    {
      "ticket_id": "f6f9d9a4-9cdc-4bd5-ba76-66596fa365ce",
      "diagnostic_equipment_id": 36
    },
    {
      "ticket_id": "f6f9d9a4-9cdc-4bd5-ba76-66596fa365ce",
      "diagnostic_equipment_id": 22
    },
    {
      "ticket_id": "44d8c9b8-c975-4161-8f2c-db9275394ee4",
      "diagnostic_equipment_id": 36
    },
    {
      "ticket_id": "44d8c9b8-c975-4161-8f2c-db9275394ee4",
      "diagnostic_equipment_id": 16
    },
    {
      "ticket_id": "44d8c9b8-c975-4161-8f2c-db9275394ee4",
      "diagnostic_equipment_id": 10
    },
    {
      "ticket_id": "7b33d693-1872-498a-a2c3-8c05dd8dfdd1",
      "diagnostic_equipment_id": 21
    },
    {
      "ticket_id": "7b33d693-1872-498a-a2c3-8c05dd8dfdd1",
      "diagnostic_equipment_id": 6
    },
    {
      "ticket_id": "7b33d693-1872-498a-a2c3-8c05dd8dfdd1",
      "diagnostic_equipment_id": 11
    },
    {
      "ticket_id": "7b33d693-1872-498a-a2c3-8c05dd8dfdd1",
      "diagnostic_equipment_id": 8
    },
    {
      "ticket_id": "7b33d693-1872-498a-a2c3-8c05dd8dfdd1",
      "diagnostic_equipment_id": 4
    },
    {
      "ticket_id": "7b33d693-1872-498a-a2c3-8c05dd8dfdd1",
      "diagnostic_equipment_id": 9
    },
    {
      "ticket_id": "7b33d693-1872-498a-a2c3-8c05dd8dfdd1",
      "diagnostic_equipment_id": 36
    },
    {
      "ticket_id": "7b33d693-1872-498a-a2c3-8c05dd8dfdd1",
      "diagnostic_equipment_id": 34
    },
    {
      "ticket_id": "9c0cb44a-5c7c-4f42-ae8f-af882502b05d",
      "diagnostic_equipment_id": 27
    },
    {
      "ticket_id": "9c0cb44a-5c7c-4f42-ae8f-af882502b05d",
      "diagnostic_equipment_id": 8
    },
    {
      "ticket_id": "9c0cb44a-5c7c-4f42-ae8f-af882502b05d",
      "diagnostic_equipment_id": 33
    },
    {
      "ticket_id": "379f334c-7083-4c40-99d6-b88fc0b7f341",
      "diagnostic_equipment_id": 15
    },
    {
      "ticket_id": "379f334c-7083-4c40-99d6-b88fc0b7f341",
      "diagnostic_equipment_id": 24
    }
  ]
};
