namespace BillCenter.SharedKernel.Web;

/// <summary>
/// A message for one form field (e.g. "UserName"), in the words a cardholder sees; an empty field is a message
/// about the whole form. Handlers return these; pages show them with <see cref="FieldErrors.AddFieldErrors"/>.
/// </summary>
public sealed record FieldError(string Field, string Message);
