using BillCenter.SharedKernel.Web.Journeys;
using Microsoft.AspNetCore.Authorization;

namespace BillCenter.Modules.Enrollment.Pages.Enroll;

/// <summary>Shown only after the one-time code: this card already has an online account.</summary>
[AllowAnonymous]
public sealed class AlreadyEnrolledModel : JourneyPage<EnrollmentJourney, EnrollmentState>
{
    public void OnGet()
    {
    }
}
