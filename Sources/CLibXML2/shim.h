// libxml2's streaming reader and parser options, for the CityGML reader.
#include <libxml/xmlreader.h>
#include <libxml/parser.h>

#include <stdarg.h>
#include <stdio.h>

// Added for XMLKit: route libxml2's *generic* error channel to Swift.
//
// Most libxml2 errors go through structured handlers, which XMLKit captures. A few are written
// straight to the generic channel (xmlGenericError, stderr by default): libxml2 2.9.14 prints
// "xmlParseChunk: encoder error" for a document whose trailing bytes cannot be decoded. Handlers for
// that channel are variadic C functions, which Swift cannot define, so this shim formats the message
// and passes it on to a plain C callback. XMLKit installs it per thread around its libxml2 calls, so
// libxml2 never prints on its own.

/// Where generic error messages go: `handler(context, message)`.
typedef struct citybundle_xml_generic_error_sink {
    void (*handler)(void *context, const char *message);
    void *context;
} citybundle_xml_generic_error_sink;

static inline void citybundle_xml_forward_generic_error(void *sink, const char *format, ...) {
    citybundle_xml_generic_error_sink *target = (citybundle_xml_generic_error_sink *)sink;
    if (target == NULL || target->handler == NULL || format == NULL) return;
    char message[1024];
    va_list arguments;
    va_start(arguments, format);
    vsnprintf(message, sizeof message, format, arguments);
    va_end(arguments);
    target->handler(target->context, message);
}

/// Sends this thread's libxml2 generic errors to `sink` (which must outlive the setting).
static inline void citybundle_xml_set_generic_error_sink(citybundle_xml_generic_error_sink *sink) {
    xmlSetGenericErrorFunc(sink, citybundle_xml_forward_generic_error);
}
