// langid-cld2.cc: CLD2 for tests/bench/langid-bench, which compiles it
// with g++ when libcld2-dev is installed.  One text per input line, one
// language code per output line ("un" when CLD2 does not know).
#include <cstdio>		// compact_lang_det.h uses FILE without it
#include <cld2/public/compact_lang_det.h>
#include <iostream>
#include <string>

int
main()
{
	std::string	line;
	bool		reliable;

	while (std::getline(std::cin, line)) {
		CLD2::Language l = CLD2::DetectLanguage(line.data(),
		    (int)line.size(), true, &reliable);
		std::cout << CLD2::LanguageCode(l) << '\n';
	}
	return 0;
}
