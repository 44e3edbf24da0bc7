/* export_json.c — node-link JSON export (being written). */
typedef int lia_placeholder_export_json;
