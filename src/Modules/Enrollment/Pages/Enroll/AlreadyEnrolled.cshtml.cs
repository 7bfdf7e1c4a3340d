using BillCenter.Modules.Enrollment.Flow;

namespace BillCenter.Modules.Enrollment.Pages.Enroll;

/// <summary>Shown only after the one-time code: this card already has an online account.</summary>
public sealed class AlreadyEnrolledModel : EnrollmentPage
{
    internal override bool CanShow(EnrollmentState state) => state.CodeVerified && state.AlreadyEnrolled;

    public void OnGet()
    {
    }
}
