// The GDAL C API: vector (OGR), spatial references (OSR) and errors (CPL).
// No wrappers here: every call is made from GDALKit.
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <cpl_error.h>
#include <cpl_conv.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal_utils.h>
