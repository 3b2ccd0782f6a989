# hamming.awk: the number of differing bits of two 16-digit hex numbers,
# the last two columns of each line, appended as a column.
BEGIN {
	FS = OFS = "\t"
	for (a = 0; a < 16; a++)
		for (b = 0; b < 16; b++) {
			n = 0
			x = a; y = b
			for (i = 0; i < 4; i++) {
				if (x % 2 != y % 2)
					n++
				x = int(x / 2); y = int(y / 2)
			}
			bits[a, b] = n
		}
	for (i = 0; i < 16; i++)
		hex[substr("0123456789abcdef", i + 1, 1)] = i
}
{
	d = 0
	for (i = 1; i <= 16; i++)
		d += bits[hex[substr($(NF - 1), i, 1)], hex[substr($NF, i, 1)]]
	print $0, d
}
