-- Short links: a random code and the normalised run-format query it stands for. Rows are kept forever.
create table short_link (
    code       varchar(32) primary key,
    query      text        not null,
    created_at timestamp   not null
);
