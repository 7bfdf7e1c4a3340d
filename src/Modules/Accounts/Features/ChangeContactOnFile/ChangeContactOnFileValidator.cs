using BillCenter.Modules.Accounts.Contracts;
using BillCenter.SharedKernel.Contact;
using FluentValidation;

namespace BillCenter.Modules.Accounts.Features.ChangeContactOnFile;

/// <summary>What the contact columns hold; the form that asks for the address gives the cardholder's messages.</summary>
internal sealed class ChangeContactOnFileValidator : AbstractValidator<Contracts.ChangeContactOnFile>
{
    public ChangeContactOnFileValidator()
    {
        RuleFor(c => c.UserId).NotEmpty();
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.NewValue)
            .Must(v => Mailbox.TryParse(v, out var email, out _) && email == v)
            .When(c => c.Kind == ContactKind.Email && c.NewValue is not null)
            .WithMessage(Mailbox.FormatMessage);
        RuleFor(c => c.NewValue)
            .Must(v => MobileNumber.TryParse(v, out var e164, out _) && e164 == v)
            .When(c => c.Kind == ContactKind.Mobile && c.NewValue is not null)
            .WithMessage(MobileNumber.FormatMessage);
    }
}
