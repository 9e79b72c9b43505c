/**
 * Russian names of large towns that press in Russian mentions, with the English GeoNames name and
 * country that find their coordinates in the town gazetteer (no shipped package has Russian town
 * names). Countries come from i18n-iso-countries' Russian names.
 */
export const RU_PLACES: readonly (readonly [ru: string, en: string, country: string])[] = [
  ['Москва', 'Moscow', 'RU'], ['Санкт-Петербург', 'Saint Petersburg', 'RU'], ['Петербург', 'Saint Petersburg', 'RU'],
  ['Новосибирск', 'Novosibirsk', 'RU'], ['Екатеринбург', 'Yekaterinburg', 'RU'], ['Казань', 'Kazan', 'RU'],
  ['Нижний Новгород', 'Nizhniy Novgorod', 'RU'], ['Челябинск', 'Chelyabinsk', 'RU'], ['Самара', 'Samara', 'RU'],
  ['Омск', 'Omsk', 'RU'], ['Ростов-на-Дону', 'Rostov-na-Donu', 'RU'], ['Уфа', 'Ufa', 'RU'], ['Красноярск', 'Krasnoyarsk', 'RU'],
  ['Воронеж', 'Voronezh', 'RU'], ['Пермь', 'Perm', 'RU'], ['Волгоград', 'Volgograd', 'RU'], ['Краснодар', 'Krasnodar', 'RU'],
  ['Саратов', 'Saratov', 'RU'], ['Тюмень', 'Tyumen', 'RU'], ['Иркутск', 'Irkutsk', 'RU'], ['Владивосток', 'Vladivostok', 'RU'],
  ['Хабаровск', 'Khabarovsk', 'RU'], ['Ярославль', 'Yaroslavl', 'RU'], ['Калининград', 'Kaliningrad', 'RU'],
  ['Мурманск', 'Murmansk', 'RU'], ['Сочи', 'Sochi', 'RU'], ['Грозный', 'Groznyy', 'RU'], ['Архангельск', 'Arkhangelsk', 'RU'],
  ['Севастополь', 'Sevastopol', 'UA'], ['Симферополь', 'Simferopol', 'UA'], ['Киев', 'Kyiv', 'UA'], ['Харьков', 'Kharkiv', 'UA'],
  ['Одесса', 'Odesa', 'UA'], ['Донецк', 'Donetsk', 'UA'], ['Луганск', 'Luhansk', 'UA'], ['Львов', 'Lviv', 'UA'],
  ['Днепр', 'Dnipro', 'UA'], ['Мариуполь', 'Mariupol', 'UA'], ['Минск', 'Minsk', 'BY'], ['Кишинёв', 'Chisinau', 'MD'],
  ['Тбилиси', 'Tbilisi', 'GE'], ['Ереван', 'Yerevan', 'AM'], ['Баку', 'Baku', 'AZ'], ['Астана', 'Astana', 'KZ'],
  ['Алма-Ата', 'Almaty', 'KZ'], ['Алматы', 'Almaty', 'KZ'], ['Ташкент', 'Tashkent', 'UZ'], ['Бишкек', 'Bishkek', 'KG'],
  ['Душанбе', 'Dushanbe', 'TJ'], ['Ашхабад', 'Ashgabat', 'TM'], ['Рига', 'Riga', 'LV'], ['Вильнюс', 'Vilnius', 'LT'],
  ['Таллин', 'Tallinn', 'EE'], ['Лондон', 'London', 'GB'], ['Париж', 'Paris', 'FR'], ['Берлин', 'Berlin', 'DE'],
  ['Рим', 'Rome', 'IT'], ['Мадрид', 'Madrid', 'ES'], ['Вена', 'Vienna', 'AT'], ['Варшава', 'Warsaw', 'PL'],
  ['Прага', 'Prague', 'CZ'], ['Будапешт', 'Budapest', 'HU'], ['Брюссель', 'Brussels', 'BE'], ['Женева', 'Geneva', 'CH'],
  ['Стамбул', 'Istanbul', 'TR'], ['Анкара', 'Ankara', 'TR'], ['Вашингтон', 'Washington', 'US'], ['Нью-Йорк', 'New York City', 'US'],
  ['Пекин', 'Beijing', 'CN'], ['Шанхай', 'Shanghai', 'CN'], ['Токио', 'Tokyo', 'JP'], ['Дели', 'Delhi', 'IN'],
  ['Тегеран', 'Tehran', 'IR'], ['Дамаск', 'Damascus', 'SY'], ['Багдад', 'Baghdad', 'IQ'], ['Каир', 'Cairo', 'EG'],
  ['Иерусалим', 'Jerusalem', 'IL'], ['Тель-Авив', 'Tel Aviv', 'IL'], ['Кабул', 'Kabul', 'AF'], ['Сеул', 'Seoul', 'KR'],
  ['Пхеньян', 'Pyongyang', 'KP'],
  // Regions and seas: no coordinates in the town gazetteer.
  ['Европа', '', ''], ['Азия', '', ''], ['Африка', '', ''], ['Сибирь', '', ''], ['Крым', '', ''], ['Кавказ', '', ''],
  ['Донбасс', '', ''], ['Чечня', '', ''], ['Урал', '', ''], ['Дальний Восток', '', ''], ['Ближний Восток', '', ''],
  ['Подмосковье', '', ''], ['Арктика', '', '']
]
