/// Every kind of schema change the ``CompatibilityClassifier`` reports. The raw value is the stable,
/// snake_case rule name shown in diagnostics and documented in `docs/schema-evolution.md`.
public enum CompatibilityRule: String, Sendable, Hashable, CaseIterable {
    // Input, breaking: an old client's payload could be refused or mean something else.
    case inputPropertyRemoved = "input_property_removed"
    case inputRequiredAdded = "input_required_added"
    case inputPropertyBecameRequired = "input_property_became_required"
    case inputTypeChanged = "input_type_changed"
    case inputNullRemoved = "input_null_removed"
    case inputEnumAdded = "input_enum_added"
    case inputEnumValueRemoved = "input_enum_value_removed"
    case inputConstAdded = "input_const_added"
    case inputConstChanged = "input_const_changed"
    case inputMaximumLowered = "input_maximum_lowered"
    case inputExclusiveMaximumLowered = "input_exclusive_maximum_lowered"
    case inputMinimumRaised = "input_minimum_raised"
    case inputExclusiveMinimumRaised = "input_exclusive_minimum_raised"
    case inputMaxLengthLowered = "input_max_length_lowered"
    case inputMinLengthRaised = "input_min_length_raised"
    case inputMaxItemsLowered = "input_max_items_lowered"
    case inputMinItemsRaised = "input_min_items_raised"
    case inputMultipleOfChanged = "input_multiple_of_changed"
    case inputPatternChanged = "input_pattern_changed"
    case inputFormatChanged = "input_format_changed"
    case inputUniqueItemsAdded = "input_unique_items_added"
    case inputAdditionalPropertiesClosed = "input_additional_properties_closed"
    case inputDefaultChanged = "input_default_changed"

    // Input, compatible: every old payload is still accepted and means the same.
    case inputPropertyAddedOptional = "input_property_added_optional"
    case inputPropertyAddedWithDefault = "input_property_added_with_default"
    case inputPropertyBecameRequiredWithDefault = "input_property_became_required_with_default"
    case inputPropertyBecameOptional = "input_property_became_optional"
    case inputTypeWidened = "input_type_widened"
    case inputEnumValueAdded = "input_enum_value_added"
    case inputConstraintRelaxed = "input_constraint_relaxed"

    // Output, breaking: an old reader could meet a value it cannot decode or does not expect.
    case outputPropertyRemoved = "output_property_removed"
    case outputPropertyBecameOptional = "output_property_became_optional"
    case outputTypeChanged = "output_type_changed"
    case outputTypeWidened = "output_type_widened"
    case outputNullAdded = "output_null_added"
    case outputEnumValueAdded = "output_enum_value_added"
    case outputConstChanged = "output_const_changed"
    case outputMultipleOfChanged = "output_multiple_of_changed"
    case outputPatternChanged = "output_pattern_changed"
    case outputFormatChanged = "output_format_changed"
    case outputConstraintRelaxed = "output_constraint_relaxed"

    // Output, compatible: every new result is one an old reader already handles.
    case outputPropertyAdded = "output_property_added"
    case outputPropertyBecameRequired = "output_property_became_required"
    case outputTypeNarrowed = "output_type_narrowed"
    case outputEnumValueRemoved = "output_enum_value_removed"
    case outputConstraintTightened = "output_constraint_tightened"
    case outputDefaultChanged = "output_default_changed"

    // Both directions, compatible: `title` and `description` are not part of the fingerprint.
    case annotationChanged = "annotation_changed"

    /// Whether a change of this kind needs a version bump.
    public var isBreaking: Bool {
        switch self {
        case .inputPropertyRemoved, .inputRequiredAdded, .inputPropertyBecameRequired, .inputTypeChanged,
            .inputNullRemoved, .inputEnumAdded, .inputEnumValueRemoved, .inputConstAdded, .inputConstChanged,
            .inputMaximumLowered, .inputExclusiveMaximumLowered, .inputMinimumRaised, .inputExclusiveMinimumRaised,
            .inputMaxLengthLowered, .inputMinLengthRaised, .inputMaxItemsLowered, .inputMinItemsRaised,
            .inputMultipleOfChanged, .inputPatternChanged, .inputFormatChanged, .inputUniqueItemsAdded,
            .inputAdditionalPropertiesClosed, .inputDefaultChanged,
            .outputPropertyRemoved, .outputPropertyBecameOptional, .outputTypeChanged, .outputTypeWidened,
            .outputNullAdded, .outputEnumValueAdded, .outputConstChanged, .outputMultipleOfChanged,
            .outputPatternChanged, .outputFormatChanged, .outputConstraintRelaxed:
            true
        case .inputPropertyAddedOptional, .inputPropertyAddedWithDefault, .inputPropertyBecameRequiredWithDefault,
            .inputPropertyBecameOptional, .inputTypeWidened, .inputEnumValueAdded, .inputConstraintRelaxed,
            .outputPropertyAdded, .outputPropertyBecameRequired, .outputTypeNarrowed, .outputEnumValueRemoved,
            .outputConstraintTightened, .outputDefaultChanged, .annotationChanged:
            false
        }
    }

    /// The direction the rule applies to; `nil` for rules that apply to both.
    public var direction: SchemaDirection? {
        if rawValue.hasPrefix("input_") { return .input }
        if rawValue.hasPrefix("output_") { return .output }
        return nil
    }
}
