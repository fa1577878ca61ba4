using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Superapps.Identity.Pages.Admin;

/// <summary><c>/Admin</c> opens the user list. Administrators with an MFA sign-in (folder convention).</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Admin/Users/Index");
}
