// libxml2's streaming reader and parser options, for the CityGML reader.
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
