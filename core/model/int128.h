#pragma once

namespace dli {

// Wide intermediate for exact money and decimal products (GCC and Clang both have it).
__extension__ typedef __int128 Int128;

} // namespace dli
