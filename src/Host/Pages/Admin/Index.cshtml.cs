using BillCenter.SharedKernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BillCenter.Host.Pages.Admin;

/// <summary>Where an admin lands after signing in: the admin pages of every module, one link each.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel : PageModel;
