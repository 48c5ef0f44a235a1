"""Reading data: raw readers (build only), shared checks, processed loaders, user uploads (layers)."""
