/// Word lists of business-application vocabulary, so synthetic captures read like the processes a documentation
/// team records (and exercise phrasing, escaping and word wrapping the way real captures do).
enum BusinessVocabulary {
    struct Application {
        let name: String
        let host: String
        let menus: [String]
    }

    static let applications: [Application] = [
        Application(name: "Ledgerline Finance", host: "ledgerline.contoso.example",
                    menus: ["Accounts payable", "Accounts receivable", "General ledger", "Period close", "Reports"]),
        Application(name: "Procura Purchasing", host: "procura.fabrikam.example",
                    menus: ["Requisitions", "Purchase orders", "Suppliers", "Goods receipts", "Approvals"]),
        Application(name: "PeopleHub HR", host: "peoplehub.adatum.example",
                    menus: ["Employees", "Onboarding", "Absence", "Payroll", "Org chart"]),
        Application(name: "Helpline Service Portal", host: "helpline.northwind.example",
                    menus: ["My tickets", "New request", "Knowledge base", "Assets", "Approvals"]),
        Application(name: "Stockroom Inventory", host: "stockroom.tailspin.example",
                    menus: ["Items", "Stock counts", "Transfers", "Warehouses", "Reorder rules"]),
        Application(name: "Voyager Travel & Expenses", host: "voyager.woodgrove.example",
                    menus: ["Expense claims", "Travel requests", "Corporate cards", "Per diems", "Approvals"]),
    ]

    static let verbs = ["Approve", "Submit", "Create", "Reconcile", "Review", "Close", "Register", "Update",
                        "Cancel", "Transfer", "Archive", "Reopen"]

    static let objects = ["supplier invoice", "purchase order", "expense claim", "cost centre budget",
                          "new hire record", "credit note", "goods receipt", "travel request", "customer account",
                          "asset transfer", "stock count", "payment run", "vendor master record", "sales quote",
                          "absence request", "month-end accrual"]

    static let audiences = ["Accounts payable clerks", "Team leads who approve spending", "HR coordinators",
                            "Service desk agents", "Warehouse supervisors", "Finance controllers",
                            "New starters in the shared service centre"]

    static let people = ["Lena Fischer", "Priya Raman", "Tomás Ortega", "Aiko Tanaka", "Kwame Mensah",
                         "Olivia Brandt", "Noor Haddad", "Jonas Berg"]

    static let teams = ["finance-ops", "procurement", "hr-operations", "servicedesk-lead", "inventory-control",
                        "travel-desk"]

    /// Field labels with the kind of value a person types into them.
    enum ValueKind { case invoice, amount, date, costCentre, text, code, email, quantity, name, reference }

    static let fields: [(label: String, kind: ValueKind)] = [
        ("Invoice number", .invoice), ("Amount", .amount), ("Due date", .date), ("Cost centre", .costCentre),
        ("Description", .text), ("Project code", .code), ("Supplier email", .email), ("Quantity", .quantity),
        ("Unit price", .amount), ("Approver", .name), ("Purchase order", .reference), ("GL account", .code),
        ("Posting date", .date), ("Reference", .reference), ("Employee ID", .code), ("Start date", .date),
        ("Comment to approver", .text), ("VAT amount", .amount), ("Search", .reference), ("Contact name", .name),
    ]

    /// Select boxes with their options.
    static let selects: [(label: String, options: [String])] = [
        ("Currency", ["EUR", "USD", "GBP", "CHF", "SEK"]),
        ("VAT code", ["Standard 20%", "Reduced 5%", "Zero rated", "Exempt", "Reverse charge"]),
        ("Payment terms", ["Net 30", "Net 45", "Net 60", "Due on receipt", "2/10 net 30"]),
        ("Department", ["Marketing", "Logistics", "Research", "Customer care", "Facilities"]),
        ("Priority", ["Low", "Normal", "High", "Urgent"]),
        ("Country", ["Germany", "France", "Netherlands", "United Kingdom", "Spain", "Ireland"]),
        ("Reason code", ["Damaged goods", "Price difference", "Duplicate invoice", "Wrong quantity"]),
    ]

    static let buttons = ["Approve", "Submit", "Save", "Save draft", "Next", "Post", "Confirm", "Search",
                          "Add line", "Attach file", "Send for approval", "Reject", "Close period",
                          "Export to Excel", "Validate", "Apply filter", "Calculate tax", "Release"]

    static let checkboxes = ["Three-way match completed", "Notify requester", "Split across cost centres",
                             "Recurring", "Include attachments", "I confirm the figures are correct",
                             "Urgent payment"]

    static let links = ["Show history", "View attachment", "Open supplier card", "Audit trail", "Printable view",
                        "Related documents"]

    static let secrets: [(label: String, value: String)] = [
        ("Password", "Winter-2026!"), ("Bank account number", "DE89 3704 0044 0532 0130 00"),
        ("Corporate card number", "4111 1111 1111 1111"), ("One-time code", "482913"),
    ]

    static let notes = [
        "Check the amount against the delivery note before you approve.",
        "If the supplier is new, the vendor master record must be approved first.",
        "Invoices above 10,000 EUR need a second approver; the system adds them automatically.",
        "Use the cost centre of the team that receives the goods, not your own.",
        "The posting date must fall in an open period; ask finance-ops if the period is closed.",
        "Attach the signed PDF, not a photo: auditors reject images.",
        "Do not share the one-time code with anyone, including the service desk.",
        "Amounts use a dot for decimals & a comma for thousands (1,284.50) — the form converts them.",
    ]

    static let pages = ["Overview", "Details", "Line items", "Approval", "Summary", "Attachments", "Search results"]

    static let keys: [(key: String, modifiers: [String])] = [
        ("Enter", []), ("Tab", []), ("F5", []), ("S", ["ctrl"]), ("Escape", []), ("F", ["ctrl", "shift"]),
    ]
}
