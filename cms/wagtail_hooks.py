from wagtail import hooks


@hooks.register("before_serve_page")
def mark_wagtail_page(page, request, serve_args, serve_kwargs):
    # Only pages served by Wagtail go into the anonymous page cache.
    request.is_wagtail_page = True
