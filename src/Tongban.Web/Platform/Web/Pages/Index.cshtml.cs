using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tongban.Platform.Web.Pages;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
