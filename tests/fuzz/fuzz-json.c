/* fuzz-json.c: the JSON export importer on any bytes (fuzz-sink.h). */
#include "config.h"

#include "fuzz-sink.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_sink_run(data, size, IMPORT_FORMAT_JSON);
	return 0;
}
