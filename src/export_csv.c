/* export_csv.c — Neo4j CSV export (being written). */
typedef int lia_placeholder_export_csv;
