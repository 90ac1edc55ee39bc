// PROJ's C API, used only to describe the coordinate operation GDAL picks
// (its name, accuracy and whether it is a ballpark), which GDAL does not expose.
#include <proj.h>
