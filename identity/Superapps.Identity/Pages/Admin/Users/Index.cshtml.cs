using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Superapps.Identity.Features.Administration;

namespace Superapps.Identity.Pages.Admin.Users;

/// <summary>Accounts, searched and paged in the database. Administrators with an MFA sign-in (folder convention).</summary>
public sealed class IndexModel(UserAdministration administration) : PageModel
{
    /// <summary>Name, NIP/user name or e-mail.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true)]
    public UserStatusFilter Status { get; set; }

    /// <summary>The page number; "p" because Razor Pages keeps "page" for its route.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public UserListPage Result { get; private set; } = new([], 1, 1, 0);

    public async Task OnGetAsync()
    {
        Result = await administration.SearchAsync(new UserSearch(Query, Status, PageNumber), HttpContext.RequestAborted);
    }

    public string PageUrl(int page) => Url.Page("/Admin/Users/Index", new { q = Query, status = Status, p = page })!;
}
