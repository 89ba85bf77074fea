"""Demo Kommune for `make run` and for trying the product: see `ungeforlob.demo.loader`."""
