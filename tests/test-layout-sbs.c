#include "config.h"
#include "tap.h"
#include "utf8.h"
int main(void) { return tap_done(); }
